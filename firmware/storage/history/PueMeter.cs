using Ipenergy.Probe.Config;
using Ipenergy.Probe.Metering;

namespace Ipenergy.Probe.Storage.History
{
    /// <summary>
    /// Power usage effectiveness from the circuits' roles (CircuitRoles): PUE = facility power / IT power,
    /// DCiE = 100 / PUE (percent). Available only when the configuration marks at least one facility-total
    /// and one IT-load circuit and both powers are positive; otherwise the values are NaN (JSON null).
    /// </summary>
    public sealed class PueMeter
    {
        private readonly int[] _circuitRoles;

        /// <summary>circuitRoles[i]: the CircuitRoles value of circuit i (configuration order).</summary>
        public PueMeter(int[] circuitRoles)
        {
            _circuitRoles = circuitRoles;
            Pue = double.NaN;
            DciePercent = double.NaN;
        }

        /// <summary>Both roles are configured: PUE can be published.</summary>
        public bool IsConfigured
        {
            get { return HasRole(_circuitRoles, CircuitRoles.FacilityTotal) && HasRole(_circuitRoles, CircuitRoles.ItLoad); }
        }

        public double FacilityW { get; private set; }

        public double ItW { get; private set; }

        public double Pue { get; private set; }

        public double DciePercent { get; private set; }

        /// <summary>Instantaneous values from one published second.</summary>
        public void Evaluate(MeasurementSnapshot snapshot)
        {
            double facility = 0, it = 0;
            int count = snapshot.Circuits.Length < _circuitRoles.Length ? snapshot.Circuits.Length : _circuitRoles.Length;
            for (int i = 0; i < count; i++)
            {
                if (_circuitRoles[i] == CircuitRoles.FacilityTotal)
                {
                    facility += snapshot.Circuits[i].ActivePowerW;
                }
                else if (_circuitRoles[i] == CircuitRoles.ItLoad)
                {
                    it += snapshot.Circuits[i].ActivePowerW;
                }
            }

            FacilityW = facility;
            ItW = it;
            Pue = IsConfigured ? Ratio(facility, it) : double.NaN;
            DciePercent = Dcie(Pue);
        }

        /// <summary>facility / it, or NaN unless both are positive.</summary>
        public static double Ratio(double facility, double it)
        {
            return facility > 0 && it > 0 ? facility / it : double.NaN;
        }

        /// <summary>100 / PUE, NaN when PUE is.</summary>
        public static double Dcie(double pue)
        {
            return pue > 0 ? 100.0 / pue : double.NaN;
        }

        /// <summary>The role of each channel (index = channel − 1) from the circuits that contain it.</summary>
        public static int[] ChannelRoles(int channels, CircuitConfig[] circuits)
        {
            int[] roles = new int[channels];
            for (int i = 0; i < circuits.Length; i++)
            {
                int[] members = circuits[i].Channels;
                for (int k = 0; k < members.Length; k++)
                {
                    if (members[k] >= 1 && members[k] <= channels)
                    {
                        roles[members[k] - 1] = circuits[i].Role;
                    }
                }
            }

            return roles;
        }

        /// <summary>The role of each circuit, in configuration order.</summary>
        public static int[] CircuitRolesOf(CircuitConfig[] circuits)
        {
            int[] roles = new int[circuits.Length];
            for (int i = 0; i < circuits.Length; i++)
            {
                roles[i] = circuits[i].Role;
            }

            return roles;
        }

        private static bool HasRole(int[] roles, int role)
        {
            for (int i = 0; i < roles.Length; i++)
            {
                if (roles[i] == role)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
