namespace Ipenergy.Probe.Hal
{
    /// <summary>
    /// The module's RS-485 port (half duplex). On the board a nanoFramework SerialPort in RS485 mode
    /// (the UART drives the transceiver's enable pin around each frame); on the virtual e-Probe a node
    /// of the simulated bus. Byte-oriented and timed: Modbus-RTU finds frame ends from silences, so a
    /// read must return as soon as bytes are there and a write must return once they are on the wire.
    /// One thread reads and writes (the bus master or the slave loop).
    /// </summary>
    public interface ISerialPort
    {
        /// <summary>Sets the line: baud rate (9600..115200), parity (SerialParity.*), stop bits (1 or 2). Drops pending input.</summary>
        void Configure(int baudRate, int parity, int stopBits);

        /// <summary>Baud rate in force.</summary>
        int BaudRate { get; }

        /// <summary>
        /// Copies up to count received bytes into buffer[offset...]. Returns at once with what is there;
        /// when nothing is, waits up to timeoutMs for the first byte. 0 = nothing arrived in time.
        /// </summary>
        int Read(byte[] buffer, int offset, int count, int timeoutMs);

        /// <summary>Sends count bytes; returns when the last one has left (so the turnaround can be timed from it).</summary>
        void Write(byte[] buffer, int offset, int count);

        /// <summary>Drops everything received and not read yet.</summary>
        void DiscardInput();

        /// <summary>True when the transceiver hands back what this port sends (receiver left enabled): the reader must skip it.</summary>
        bool EchoesTransmit { get; }
    }
}
