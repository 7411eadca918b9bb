using Ipenergy.Probe.Common;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Storage.Alarms;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>Writes one alarm (active row or journal record) as JSON: the shape the page and the API share.</summary>
    public static class AlarmJson
    {
        // Values keep two decimals: enough for V, Hz, A and % alike.
        private const int Decimals = 2;

        /// <summary>An active alarm: {"id","source","index","name","condition","level","value","threshold","unit",
        /// "raisedAt","changedAt","latching","acknowledged","ackUser","ackAt"}.</summary>
        public static void WriteActive(JsonWriter w, AlarmEntry e, MeterConfig config)
        {
            w.WriteStartObject();
            w.WriteName("id");
            w.WriteInteger(e.AlarmId);
            WriteSource(w, e, config);
            w.WriteName("raisedAt");
            w.WriteTimestamp(e.TimestampUtc);
            w.WriteName("changedAt");
            w.WriteTimestamp(e.ChangedUtc);
            w.WriteName("latching");
            w.WriteBoolean(e.Latching);
            WriteAcknowledgement(w, e);
            w.WriteEndObject();
        }

        /// <summary>A journal record: {"seq","id","event","time","source",...,"ackUser"}.</summary>
        public static void WriteRecord(JsonWriter w, AlarmEntry e, MeterConfig config)
        {
            w.WriteStartObject();
            w.WriteName("seq");
            w.WriteInteger(e.Id);
            w.WriteName("id");
            w.WriteInteger(e.AlarmId);
            w.WriteName("event");
            w.WriteString(AlarmCodes.EventName(e.Kind));
            w.WriteName("time");
            w.WriteTimestamp(e.TimestampUtc);
            WriteSource(w, e, config);
            w.WriteName("previousLevel");
            w.WriteString(AlarmCodes.LevelName(e.PreviousLevel));
            if (e.Kind == AlarmCodes.EventAcknowledged)
            {
                w.WriteName("user");
                if (e.AckUser == null)
                {
                    w.WriteNull();
                }
                else
                {
                    w.WriteString(e.AckUser);
                }
            }

            w.WriteEndObject();
        }

        private static void WriteSource(JsonWriter w, AlarmEntry e, MeterConfig config)
        {
            w.WriteName("source");
            w.WriteString(AlarmCodes.SourceName(e.Source));
            w.WriteName("index");
            w.WriteInteger(e.SourceIndex);
            w.WriteName("name");
            w.WriteString(AlarmSourceLabel.Of(config, e.Source, e.SourceIndex));
            w.WriteName("condition");
            w.WriteString(AlarmCodes.ConditionName(e.Condition));
            w.WriteName("level");
            w.WriteString(AlarmCodes.LevelName(e.Level));
            w.WriteName("value");
            WriteNumber(w, e.Value);
            w.WriteName("threshold");
            WriteNumber(w, e.Threshold);
            w.WriteName("unit");
            w.WriteString(AlarmCodes.Unit(e.Condition));
        }

        private static void WriteAcknowledgement(JsonWriter w, AlarmEntry e)
        {
            w.WriteName("acknowledged");
            w.WriteBoolean(e.Acknowledged);
            w.WriteName("ackUser");
            if (e.Acknowledged && e.AckUser != null)
            {
                w.WriteString(e.AckUser);
            }
            else
            {
                w.WriteNull();
            }

            w.WriteName("ackAt");
            if (e.Acknowledged)
            {
                w.WriteTimestamp(e.AckTimeUtc);
            }
            else
            {
                w.WriteNull();
            }
        }

        private static void WriteNumber(JsonWriter w, double value)
        {
            // NaN or infinite (a value the meter could not measure) has no JSON number.
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                w.WriteNull();
            }
            else
            {
                w.WriteNumber(value, Decimals);
            }
        }
    }
}
