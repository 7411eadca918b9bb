namespace Ipenergy.Probe.Config
{
    /// <summary>
    /// What an operator may change: the labels (channels[].label, rack, customer, feed and
    /// circuits[].customer). <see cref="FirstOtherChange"/> names the first other field that differs
    /// between two configurations, so a refused change says which field was not theirs to change.
    /// Used on operator writes only (rare): it may allocate.
    /// </summary>
    public static class ConfigLabelChanges
    {
        private static readonly string[] Sections =
        {
            "network", "snmp", "modbus", "history", "users", "http", "adminPasswordHash", "alarms", "bus", "panel",
        };

        /// <summary>Null when only labels differ, else the path of the first other field that does.</summary>
        public static string FirstOtherChange(MeterConfig current, MeterConfig next)
        {
            if (current.NominalVoltage != next.NominalVoltage)
            {
                return "nominalVoltage";
            }

            if (current.NominalFrequencyHz != next.NominalFrequencyHz)
            {
                return "nominalFrequency";
            }

            for (int p = 0; p < current.VoltageGainCorrection.Length; p++)
            {
                if (current.VoltageGainCorrection[p] != next.VoltageGainCorrection[p])
                {
                    return "voltageGain";
                }
            }

            for (int k = 0; k < current.Channels.Length; k++)
            {
                ChannelConfig a = current.Channels[k];
                ChannelConfig b = next.Channels[k];
                string at = "channels[" + k.ToString() + "].";
                if (a.Phase != b.Phase)
                {
                    return at + "phase";
                }

                if (a.CtRatedAmps != b.CtRatedAmps)
                {
                    return at + "ctRatedA";
                }

                if (a.GainCorrection != b.GainCorrection)
                {
                    return at + "gain";
                }

                if (a.PhaseCorrectionDeg != b.PhaseCorrectionDeg)
                {
                    return at + "phaseCorrectionDeg";
                }
            }

            if (current.Circuits.Length != next.Circuits.Length)
            {
                return "circuits";
            }

            for (int c = 0; c < current.Circuits.Length; c++)
            {
                CircuitConfig a = current.Circuits[c];
                CircuitConfig b = next.Circuits[c];
                string at = "circuits[" + c.ToString() + "].";
                if (a.Name != b.Name)
                {
                    return at + "name";
                }

                if (!SameChannels(a.Channels, b.Channels))
                {
                    return at + "channels";
                }

                if (a.BreakerRatedAmps != b.BreakerRatedAmps)
                {
                    return at + "breakerRatedA";
                }

                if (a.Role != b.Role)
                {
                    return at + "role";
                }
            }

            // The remaining sections hold many fields and secrets: compare their bytes on flash, one section
            // at a time taken over from next, so the message names the section.
            MeterConfig probe = current.Clone();
            byte[] reference = new byte[8192];
            byte[] trial = new byte[8192];
            int referenceLength = ConfigLayout.Encode(probe, 0, reference, 0, reference.Length);
            for (int s = 0; s < Sections.Length; s++)
            {
                TakeSection(probe, next, s);
                int length = ConfigLayout.Encode(probe, 0, trial, 0, trial.Length);
                if (length != referenceLength || !SameBytes(reference, trial, length))
                {
                    return Sections[s];
                }
            }

            return null;
        }

        private static void TakeSection(MeterConfig into, MeterConfig from, int section)
        {
            switch (section)
            {
                case 0:
                    into.Network = from.Network.Clone();
                    break;
                case 1:
                    into.Snmp = from.Snmp.Clone();
                    break;
                case 2:
                    into.Modbus = from.Modbus.Clone();
                    break;
                case 3:
                    into.History = from.History.Clone();
                    break;
                case 4:
                    into.Users = from.Clone().Users;
                    break;
                case 5:
                    into.Http = from.Http.Clone();
                    break;
                case 6:
                    into.AdminPasswordHash = from.AdminPasswordHash;
                    break;
                case 7:
                    into.Alarms = from.Alarms.Clone();
                    break;
                case 8:
                    into.Bus = from.Bus.Clone();
                    break;
                default:
                    into.Panel = from.Panel.Clone();
                    break;
            }
        }

        private static bool SameChannels(int[] a, int[] b)
        {
            if (a.Length != b.Length)
            {
                return false;
            }

            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static bool SameBytes(byte[] a, byte[] b, int length)
        {
            for (int i = 0; i < length; i++)
            {
                if (a[i] != b[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
