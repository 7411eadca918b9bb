using Ipenergy.Probe.Common;
using Ipenergy.Probe.Metering;

namespace Ipenergy.Probe.Display
{
    /// <summary>
    /// Home: total power in large digits (the site's on a gateway, else this module's), the current on each phase,
    /// the active alarms and the most severe level, the date. The title bar shows the module's name and the time.
    /// </summary>
    public sealed class HomeScreen : PanelScreen
    {
        public override int TitleId
        {
            get { return PanelText.Home; }
        }

        public override void Draw(FrameBuffer fb, PanelContext c, int item, bool inside)
        {
            TextLine line = c.Line;
            SiteTotals t = c.Totals;
            line.Clear().Append(c.Text(c.Modules != null ? PanelText.SiteTotal : PanelText.ThisModule));
            DrawLine(fb, 0, line);

            if (c.Snapshot == null && c.Modules == null)
            {
                line.Clear().Append(c.Text(PanelText.Waiting));
                DrawLine(fb, 2, line);
            }
            else
            {
                // Large: "12.34kW"; 3 decimals below 10 kW so small loads still show.
                double kw = t.ActivePowerW / 1000.0;
                double magnitude = kw < 0 ? -kw : kw;
                line.Clear().AppendFixed(kw, magnitude < 10 ? 3 : (magnitude < 100 ? 2 : 1)).Append("kW");
                fb.DrawTextRight(Font.Large, fb.Width - 1, LineY(1), line.Bytes, 0, line.Length);

                line.Clear().Append("A");
                for (int p = 0; p < PhaseNames.Count; p++)
                {
                    line.AppendChar((byte)' ').AppendFixed(t.PhaseCurrentA(p), 1);
                }

                DrawLine(fb, 3, line);
            }

            // Alarms: count and the most severe level.
            int critical = c.Alarms == null ? 0 : c.Alarms.CountActive(AlarmCodes.LevelCritical);
            int warning = c.Alarms == null ? 0 : c.Alarms.CountActive(AlarmCodes.LevelWarning);
            line.Clear().Append(c.Text(PanelText.AlarmsLabel)).AppendChar((byte)' ');
            if (critical + warning == 0)
            {
                line.Append(c.Text(PanelText.NoAlarm));
            }
            else
            {
                line.AppendInt(critical + warning).AppendChar((byte)' ')
                    .Append(c.Text(critical > 0 ? PanelText.Critical : PanelText.Warning));
            }

            DrawLine(fb, 4, line);
            if (critical + warning > 0)
            {
                Highlight(fb, 4);
            }

            // Date: day/month/year in French, ISO in English; UTC.
            line.Clear();
            if (c.Language == 1)
            {
                line.AppendPadded(c.Now.Day, 2).AppendChar((byte)'/').AppendPadded(c.Now.Month, 2).AppendChar((byte)'/')
                    .AppendPadded(c.Now.Year, 4);
            }
            else
            {
                line.AppendPadded(c.Now.Year, 4).AppendChar((byte)'-').AppendPadded(c.Now.Month, 2).AppendChar((byte)'-')
                    .AppendPadded(c.Now.Day, 2);
            }

            line.Append(" UTC");
            DrawLine(fb, 5, line);
        }
    }
}
