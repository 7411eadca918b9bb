namespace Ipenergy.Probe.Bus
{
    /// <summary>
    /// The module's side of automatic addressing (<see cref="BusAddressing"/>): answers Discover when it
    /// has no address and its key is in the range asked, and takes the address an Assign with its key
    /// gives. The slave loop calls it for frames to <see cref="BusAddressing.UnaddressedAddress"/> before
    /// the Modbus PDU processor. Whoever owns the configuration stores <see cref="Address"/> when
    /// <see cref="Changed"/> is set.
    /// </summary>
    public sealed class BusAddressingResponder
    {
        /// <param name="key">BusAddressing.KeyOf(serial number).</param>
        /// <param name="token">A random 0..65535 drawn at start (see <see cref="BusAddressing"/>).</param>
        /// <param name="address">The configured address, 0 for none.</param>
        public BusAddressingResponder(long key, int token, int address)
        {
            Key = key;
            Token = token & 0xFFFF;
            Address = address;
        }

        public int Token { get; private set; }

        /// <summary>The module's 32-bit key (<see cref="BusAddressing.KeyOf"/> of its serial number).</summary>
        public long Key { get; private set; }

        /// <summary>1..247, or 0 while unaddressed.</summary>
        public int Address { get; private set; }

        /// <summary>An Assign changed the address since <see cref="ClearChanged"/>.</summary>
        public bool Changed { get; private set; }

        public void ClearChanged()
        {
            Changed = false;
        }

        /// <summary>
        /// Handles a whole frame (CRC checked by the reader) and writes the reply frame (CRC included)
        /// into reply; returns its length, or 0 when this module stays silent.
        /// </summary>
        public int Handle(byte[] frame, int length, byte[] reply)
        {
            if (length < 5 || frame[0] != BusAddressing.UnaddressedAddress || frame[1] != BusAddressing.FunctionCode)
            {
                return 0;
            }

            int sub = frame[2];
            if (length != BusAddressing.RequestLength(sub))
            {
                return 0;
            }

            reply[0] = BusAddressing.UnaddressedAddress;
            reply[1] = BusAddressing.FunctionCode;
            reply[2] = (byte)sub;
            if (sub == BusAddressing.Discover)
            {
                long lo = BusAddressing.ReadKey(frame, 3);
                long hi = BusAddressing.ReadKey(frame, 7);
                if (Address != 0 || Key < lo || Key > hi)
                {
                    return 0;
                }

                BusAddressing.WriteKey(reply, 3, Key);
                reply[7] = (byte)(Token >> 8);
                reply[8] = (byte)Token;
                return Crc16Modbus.Append(reply, 0, 9);
            }

            // Assign: only the module with the key and token answers, addressed or not (re-addressing).
            int address = frame[9];
            int token = (frame[7] << 8) | frame[8];
            if (BusAddressing.ReadKey(frame, 3) != Key || token != Token || address < BusAddressing.FirstAddress || address > BusAddressing.LastAddress)
            {
                return 0;
            }

            if (Address != address)
            {
                Address = address;
                Changed = true;
            }

            BusAddressing.WriteKey(reply, 3, Key);
            reply[7] = (byte)(Token >> 8);
            reply[8] = (byte)Token;
            reply[9] = (byte)address;
            return Crc16Modbus.Append(reply, 0, 10);
        }
    }
}
