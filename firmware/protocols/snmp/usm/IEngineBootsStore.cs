namespace Ipenergy.Probe.Protocols.Snmp.Usm
{
    /// <summary>
    /// Where snmpEngineBoots survives a restart (RFC 3414 2.2: it must, or replayed messages of an earlier
    /// run would be accepted again). Implementations must never let the value go back, whatever the power does.
    /// </summary>
    public interface IEngineBootsStore
    {
        /// <summary>The last value saved completely; 0 when none was ever saved.</summary>
        int Load();

        /// <summary>Saves the value durably; true only when it is on the medium. Never throws.</summary>
        bool Save(int boots);
    }
}
