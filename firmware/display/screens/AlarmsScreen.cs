using Ipenergy.Probe.Common;
using Ipenergy.Probe.Storage.Alarms;

namespace Ipenergy.Probe.Display
{
    /// <summary>
    /// Active alarms, oldest first, six rows: level (C critical, W warning), '*' while unacknowledged, the
    /// source and the condition. Inside, the selected row is inverted and Enter acknowledges it (after the PIN).
    /// </summary>
    public sealed class AlarmsScreen : PanelScreen
    {
        public override int TitleId
        {
            get { return PanelText.Alarms; }
        }

        public override bool Opens
        {
            get { return true; }
        }

        public override int ItemCount(PanelContext c)
        {
            int n = c.Alarms == null ? 0 : c.Alarms.ActiveCount;
            return n > 0 ? n : 1;
        }

        public override void Draw(FrameBuffer fb, PanelContext c, int item, bool inside)
        {
            AlarmJournal journal = c.Alarms;
            int count = journal == null ? 0 : journal.ActiveCount;
            if (count == 0)
            {
                c.Line.Clear().Append(c.Text(PanelText.NoActiveAlarm));
                DrawLine(fb, 1, c.Line);
                return;
            }

            // The window of rows keeps the selected one visible; the last line says what Enter does.
            int rows = BodyLines - 1;
            int first = item - rows + 1;
            if (first < 0)
            {
                first = 0;
            }

            for (int r = 0; r < rows && first + r < count; r++)
            {
                if (!journal.CopyActive(first + r, c.Entry))
                {
                    break;
                }

                AppendRow(c.Line.Clear(), c.Entry, c.Language);
                DrawLine(fb, r, c.Line);
                if (inside && first + r == item)
                {
                    Highlight(fb, r);
                }
            }

            if (inside)
            {
                c.Line.Clear().Append(c.Text(PanelText.NotAcknowledged));
                DrawLine(fb, BodyLines - 1, c.Line);
            }
        }

        /// <summary>"C* L1 underVoltage": level letter, '*' unacknowledged, source, condition (in the panel's language).</summary>
        public static void AppendRow(TextLine line, AlarmEntry e, int language)
        {
            line.AppendChar(e.Level == AlarmCodes.LevelCritical ? (byte)'C' : (byte)'W');
            line.AppendChar(e.Acknowledged ? (byte)' ' : (byte)'*').AppendChar((byte)' ');
            AppendSource(line, e.Source, e.SourceIndex);
            line.AppendChar((byte)' ').Append(PanelText.Condition(e.Condition, language));
        }

        private static void AppendSource(TextLine line, int source, int index)
        {
            if (source == AlarmCodes.SourcePhase)
            {
                line.Append(index >= 0 && index < PhaseNames.Count ? PhaseNames.Name(index) : "L?");
            }
            else if (source == AlarmCodes.SourceChannel)
            {
                line.Append("ch").AppendInt(index);
            }
            else if (source == AlarmCodes.SourceCircuit)
            {
                line.Append("c").AppendInt(index);
            }
            else if (source == AlarmCodes.SourceModule)
            {
                line.Append("m").AppendInt(index);
            }
            else
            {
                line.Append("dev");
            }
        }
    }
}
