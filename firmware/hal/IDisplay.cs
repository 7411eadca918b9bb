namespace Ipenergy.Probe.Hal
{
    /// <summary>
    /// The front-panel display: a 128 x 64 monochrome graphic LCD of the ST7565 / UC1701 family (transflective,
    /// LED backlight), driven over SPI. Its memory is organised the way those controllers (and the SSD1306/SH1106
    /// OLEDs) are: Height / 8 pages of Width columns, one byte per column per page, bit 0 = the page's top row,
    /// 1 = pixel on (dark). The firmware keeps a frame in that layout and sends only the changed runs of columns.
    /// </summary>
    public interface IDisplay
    {
        /// <summary>Columns (128).</summary>
        int Width { get; }

        /// <summary>Rows (64), a multiple of 8.</summary>
        int Height { get; }

        /// <summary>
        /// Sends columns firstColumn..firstColumn+count-1 of one page from a whole frame (frame[page * Width + column]).
        /// Returns when the bytes are on their way; the frame may be changed afterwards.
        /// </summary>
        void WritePage(byte[] frame, int page, int firstColumn, int count);

        /// <summary>Contrast 0..63 (the controller's electronic volume).</summary>
        void SetContrast(int level);

        /// <summary>Backlight on or off (the panel dims it after its timeout).</summary>
        void SetBacklight(bool on);
    }
}
