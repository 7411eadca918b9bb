using Ipenergy.Probe.Bus;

namespace Ipenergy.Probe.Tests.Unit.Bus
{
    /// <summary>Remembers the poller's events as text: "+3" online, "-3" offline, space separated.</summary>
    public sealed class RecordingBusListener : IBusListener
    {
        public string Events { get; private set; }

        public RecordingBusListener()
        {
            Events = "";
        }

        public void OnModuleOnline(int address)
        {
            Events += (Events.Length > 0 ? " +" : "+") + address.ToString();
        }

        public void OnModuleOffline(int address)
        {
            Events += (Events.Length > 0 ? " -" : "-") + address.ToString();
        }
    }
}
