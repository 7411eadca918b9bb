namespace Ipenergy.Probe.Hal
{
    /// <summary>
    /// One chip on an SPI bus, its chip select included (the board's System.Device.Spi.SpiDevice; a simulated
    /// chip on the virtual e-Probe). Used for the metering ICs (ATM90E32-class, one per group of three CT
    /// channels): each transfer selects the chip, clocks count bytes out and in at the same time, and releases it.
    /// </summary>
    public interface ISpiDevice
    {
        /// <summary>
        /// Full duplex: sends write[0..count-1] while receiving as many bytes into read[0..count-1], chip select held
        /// for the whole transfer. Allocates nothing; both arrays belong to the caller and are reused.
        /// </summary>
        void Transfer(byte[] write, byte[] read, int count);
    }
}
