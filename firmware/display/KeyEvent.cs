namespace Ipenergy.Probe.Display
{
    /// <summary>
    /// Flags a <see cref="KeyDebouncer"/> event adds to the key bit (a <see cref="Ipenergy.Probe.Hal.PanelKeys"/>
    /// value): no flag = short press (reported on release), Long = held LongPressMs (Enter/Back), Repeat = auto-repeat
    /// while Up/Down is held.
    /// </summary>
    public static class KeyEvent
    {
        public const int Long = 0x100;
        public const int Repeat = 0x200;

        /// <summary>The key bits of an event (without the Long/Repeat flags).</summary>
        public const int KeyMask = 0xFF;
    }
}
