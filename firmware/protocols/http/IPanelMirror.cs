namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// The front panel seen from the network: GET /api/v1/panel sends its current frame (PNG) so the page can
    /// mirror it, POST /api/v1/panel/keys presses its buttons (the app adapts the display's panel controller).
    /// </summary>
    public interface IPanelMirror
    {
        /// <summary>Columns (128).</summary>
        int Width { get; }

        /// <summary>Rows (64).</summary>
        int Height { get; }

        /// <summary>
        /// Copies the frame last drawn into dest[0 .. Width * Height / 8) in the display's page layout
        /// (Hal.IDisplay: page-major, one byte = 8 rows of a column, bit 0 on top, 1 = dark). Returns the frame's
        /// number, which changes whenever its content does (an ETag).
        /// </summary>
        long CopyFrame(byte[] dest);

        /// <summary>Presses one button (Hal.PanelKeys bit): a short press, or a long press (what holding it 1 s
        /// does). Queued and handed to the panel one a step, in order; false when the queue is full.</summary>
        bool Press(int key, bool longPress);
    }
}
