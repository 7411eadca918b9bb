namespace Ipenergy.Probe.Protocols.Modbus
{
    /// <summary>
    /// The registers one Modbus unit exposes (SunSpec block, vendor map, configuration block), apart
    /// from framing (TCP now, RS-485 RTU later) and from the PDU rules. A read fills its whole range
    /// from ONE measurement snapshot, so 32/64-bit values are never torn. Exception codes are those of
    /// the Modbus application protocol v1.1b3: 0 = none, 2 = illegal data address, 3 = illegal data
    /// value, 4 = server device failure.
    /// </summary>
    public interface IRegisterMap
    {
        /// <summary>
        /// Writes registers [start, start + count) big-endian into dest at destOffset (2 bytes each).
        /// holding: true for function 03 (holding registers), false for 04 (input registers).
        /// Returns 0, or 2 when any register of the range does not exist.
        /// </summary>
        int Read(bool holding, int start, int count, byte[] dest, int destOffset);

        /// <summary>
        /// Checks then applies count registers (big-endian in src at srcOffset) at start (functions 06, 16).
        /// Returns 0, 2 when a register does not exist or is read-only, 3 when a value is refused, 4 when
        /// the change could not be stored. Nothing is changed unless everything is accepted.
        /// </summary>
        int Write(int start, int count, byte[] src, int srcOffset);
    }
}
