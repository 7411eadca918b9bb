namespace Ipenergy.Probe.Bus
{
    /// <summary>
    /// Time for the bus: a microsecond counter that never goes back and a sleep. On the board the system
    /// clock (sleeps round up to milliseconds); in tests a virtual bus's simulated time, so timing tests
    /// are exact and cost no wall time.
    /// </summary>
    public interface IBusClock
    {
        long Microseconds { get; }

        void Sleep(int microseconds);
    }
}
