namespace Ipenergy.Probe.Protocols.Snmp
{
    /// <summary>
    /// One subtree of the agent's MIB (a group of scalars, or a table's entry), served by one object.
    /// The message layer only ever calls a subtree for OIDs that concern it (see <see cref="MibTree"/>).
    /// Every call writes into the caller's reused buffers: nothing is allocated per request.
    /// </summary>
    public interface IMibSubtree
    {
        /// <summary>The subtree's root (constant): the group's OID, or the table's entry OID.</summary>
        uint[] Root { get; }

        /// <summary>Called once per request before any Get/GetNext/Set: takes the measurement snapshot that
        /// every varbind of the request reads, so multi-varbind answers are consistent.</summary>
        void BeginRequest();

        /// <summary>GET of an OID under <see cref="Root"/>: fills value, or sets the exception
        /// NoSuchObject (no such object) or NoSuchInstance (object exists, not this instance).</summary>
        void Get(uint[] oid, int length, SnmpValue value);

        /// <summary>GETNEXT: the first instance of this subtree strictly after oid (oid may lie before the
        /// subtree or inside it): its name into next, its value into value. False when there is none.</summary>
        bool GetNext(uint[] oid, int length, OidBuffer next, SnmpValue value);

        /// <summary>SET phase 1 (nothing changes): SnmpErrorStatus.NoError when value can be written to oid,
        /// else notWritable, noCreation, wrongType, wrongLength, wrongValue or inconsistentValue.</summary>
        int TestSet(uint[] oid, int length, SnmpValue value);

        /// <summary>SET phase 2, called only when every varbind of the request passed TestSet: applies the
        /// value (and persists it). NoError, or commitFailed.</summary>
        int CommitSet(uint[] oid, int length, SnmpValue value);
    }
}
