using System;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Storage.Alarms;

namespace Ipenergy.Probe.Display
{
    /// <summary>
    /// What a screen draws from, refreshed by the <see cref="PanelController"/> before each frame, with the
    /// reusable buffers screens build their lines in (nothing is allocated per frame).
    /// </summary>
    public sealed class PanelContext
    {
        public PanelContext()
        {
            Line = new TextLine(32);
            Value = new TextLine(32);
            Entry = new AlarmEntry();
            Totals = new SiteTotals();
        }

        /// <summary>The last completed second, or null before the first.</summary>
        public MeasurementSnapshot Snapshot;

        /// <summary>The configuration in force.</summary>
        public MeterConfig Config;

        /// <summary>Active alarms (null: none kept).</summary>
        public AlarmJournal Alarms;

        /// <summary>The Ethernet interface (null: unknown).</summary>
        public INetworkStatus Network;

        /// <summary>The bus modules on a gateway, else null.</summary>
        public IModuleDirectory Modules;

        /// <summary>Wall clock (UTC) of the frame.</summary>
        public DateTime Now;

        /// <summary>PanelConfig.Language*.</summary>
        public int Language;

        /// <summary>Sums of this module and the bus modules (computed once per frame).</summary>
        public readonly SiteTotals Totals;

        /// <summary>Scratch lines a screen builds text in.</summary>
        public readonly TextLine Line;

        public readonly TextLine Value;

        /// <summary>Scratch alarm row.</summary>
        public readonly AlarmEntry Entry;

        /// <summary>Text id in the panel's language.</summary>
        public byte[] Text(int id)
        {
            return PanelText.Get(id, Language);
        }
    }
}
