namespace Ipenergy.Probe.Bus
{
    /// <summary>What the gateway knows of one module: its last good register image and poll statistics.
    /// Owned by <see cref="ModuleCache"/>, which guards it with its lock.</summary>
    internal sealed class ModuleState
    {
        public ModuleState(int address)
        {
            Address = address;
            CapturedUs = -1;
        }

        public int Address;

        /// <summary>Made at the module's first good poll: an address nobody answers at costs no image (a gateway
        /// scans 31 addresses; a few modules are there).</summary>
        public byte[] Image;

        /// <summary>Bus clock time of the poll that filled Image; -1 before the first.</summary>
        public long CapturedUs;
        public bool Online;

        /// <summary>What the listener was told last: 0 nothing yet, 1 online, 2 offline.</summary>
        public int Reported;
        public int MissedInARow;
        public int Polls;
        public int GoodPolls;
        public int MissedPolls;
        public long LastPollUs;

        /// <summary>Went offline after being online (not counted for an address that never answered).</summary>
        public int WentOffline;

        /// <summary>Bit r: Image holds range r from a good poll.</summary>
        public int Present;

        /// <summary>Bit r: the optional range r was answered with exception 02 (not in this module's map).</summary>
        public int Absent;
    }
}
