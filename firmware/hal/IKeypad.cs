namespace Ipenergy.Probe.Hal
{
    /// <summary>
    /// The four front-panel buttons as raw levels (GPIO inputs on the board; terminal or JSON API keys on the
    /// virtual e-Probe). The firmware samples it every few milliseconds and debounces it itself, so an
    /// implementation does no filtering: it reports which buttons are held now as <see cref="PanelKeys"/> bits.
    /// </summary>
    public interface IKeypad
    {
        /// <summary>Bits of the buttons held down at this instant (PanelKeys.Up | PanelKeys.Enter ...).</summary>
        int ReadHeld();
    }
}
