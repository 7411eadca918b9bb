using Ipenergy.Probe.Metering;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// GET /api/v1/modules/{address}/measurements: a bus module's last polled second as the gateway holds it,
    /// in the document of /api/v1/measurements plus "address", "status" and "ageS"
    /// (<see cref="MeasurementsJson.WriteModule"/>). 400 for an address that is not 1..247 or another path
    /// under /api/v1/modules/, 404 for an address the gateway does not poll or that never answered, and on a
    /// module that is not a bus gateway. Nothing allocated per request (error answers aside).
    /// </summary>
    public sealed class ModuleMeasurementsEndpoint : ReadOnlyEndpoint
    {
        private const int MaxBusAddress = 247;
        private const string Suffix = "/measurements";

        public ModuleMeasurementsEndpoint()
            : base("/api/v1/modules/")
        {
        }

        /// <summary>The gateway's module directory; null (not a gateway): 404. Set by the app before serving.</summary>
        public IModuleDirectory Directory { get; set; }

        public override int Handle(HttpRequest request, HttpResponse response)
        {
            int address = ParseAddress(request.PathTail, request.PathTailLength);
            if (address == -2)
            {
                return response.Error(HttpStatus.NotFound, "no such resource: use /api/v1/modules/{address}/measurements");
            }

            if (address < 1 || address > MaxBusAddress)
            {
                return response.Error(HttpStatus.BadRequest, "bus address must be 1..247");
            }

            IModuleDirectory modules = Directory;
            if (modules == null)
            {
                return response.Error(HttpStatus.NotFound, "not a bus gateway (bus role is not gateway)");
            }

            if (!Polled(modules, address))
            {
                return response.Error(HttpStatus.NotFound, "bus address " + address.ToString() + " is not in the gateway's scan range");
            }

            MeasurementSnapshot s = modules.LatestOf(address);
            if (s == null)
            {
                return response.Error(HttpStatus.NotFound, "no module has answered at bus address " + address.ToString());
            }

            MeasurementsJson.WriteModule(response.Json, s, address, modules.StatusOf(address), modules.AgeSecondsOf(address));
            return HttpStatus.Ok;
        }

        private static bool Polled(IModuleDirectory modules, int address)
        {
            for (int i = 0; i < modules.Count; i++)
            {
                if (modules.AddressAt(i) == address)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The address of "{digits}/measurements": the number (-1 when the digits are missing, too many or not
        /// digits), or -2 when the rest of the path is not "/measurements".
        /// </summary>
        private static int ParseAddress(byte[] tail, int length)
        {
            int p = 0;
            int value = 0;
            while (p < length && tail[p] != (byte)'/')
            {
                int digit = tail[p] - (byte)'0';
                if (digit < 0 || digit > 9 || p >= 4)
                {
                    value = -1;
                }
                else if (value >= 0)
                {
                    value = value * 10 + digit;
                }

                p++;
            }

            if (length - p != Suffix.Length)
            {
                return -2;
            }

            for (int i = 0; i < Suffix.Length; i++)
            {
                if (tail[p + i] != (byte)Suffix[i])
                {
                    return -2;
                }
            }

            return p == 0 ? -1 : value;
        }
    }
}
