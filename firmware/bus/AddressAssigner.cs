namespace Ipenergy.Probe.Bus
{
    /// <summary>
    /// The gateway's side of automatic addressing: finds the unaddressed modules by binary search over
    /// the 32-bit key space and gives each a free address. Discover [lo, hi] (no retries): silence = no
    /// module there; one clean answer = one module, which is then assigned; garbage (several answered at
    /// once and collided) = split the range in two. After an assignment the same range is asked again,
    /// since more modules may hide in it. Bounded by <see cref="MaxQueries"/>.
    /// </summary>
    public sealed class AddressAssigner
    {
        private const int StackSize = 80;

        private readonly RtuMaster _master;
        private readonly byte[] _pdu = new byte[16];
        private readonly long[] _lo = new long[StackSize];
        private readonly long[] _hi = new long[StackSize];

        public AddressAssigner(RtuMaster master)
        {
            _master = master;
            MaxQueries = 2000;
        }

        /// <summary>Discover + Assign requests one run may send.</summary>
        public int MaxQueries { get; set; }

        public int Queries { get; private set; }

        /// <summary>Discover answers that collided (garbage) in the last run.</summary>
        public int Collisions { get; private set; }

        /// <summary>Keys answered by several modules at once (one key, different tokens): left unaddressed.</summary>
        public int Unresolved { get; private set; }

        /// <summary>
        /// Gives free addresses to every unaddressed module. used[1..247] marks the addresses taken (the
        /// configured modules); it is updated. Each module found is reported in keys[i] / addresses[i].
        /// Returns how many were assigned (stops when the arrays or the free addresses run out).
        /// </summary>
        public int Run(bool[] used, long[] keys, int[] addresses)
        {
            Queries = 0;
            Collisions = 0;
            Unresolved = 0;
            int assigned = 0;
            int depth = 0;
            _lo[depth] = 0;
            _hi[depth] = 0xFFFFFFFF;
            depth++;
            while (depth > 0 && Queries < MaxQueries && assigned < keys.Length)
            {
                depth--;
                long lo = _lo[depth];
                long hi = _hi[depth];
                int result = Discover(lo, hi);
                if (result == RtuResult.Timeout)
                {
                    continue;
                }

                long key = result == RtuResult.Ok ? BusAddressing.ReadKey(_master.Response, 3) : -1;
                if (key >= lo && key <= hi)
                {
                    int address = FreeAddress(used);
                    if (address == 0)
                    {
                        break;
                    }

                    int token = (_master.Response[7] << 8) | _master.Response[8];
                    // Offered is taken: when the answer is lost the module may have taken the address all the same.
                    used[address] = true;
                    if (Assign(key, token, address))
                    {
                        keys[assigned] = key;
                        addresses[assigned] = address;
                        assigned++;
                    }

                    // Ask the same range again: others may be in it (an Assign lost to noise is retried too).
                    _lo[depth] = lo;
                    _hi[depth] = hi;
                    depth++;
                    continue;
                }

                Collisions++;
                if (lo == hi)
                {
                    Unresolved++;
                    continue;
                }

                if (depth + 2 > StackSize)
                {
                    break;
                }

                long mid = lo + (hi - lo) / 2;
                _lo[depth] = mid + 1;
                _hi[depth] = hi;
                depth++;
                _lo[depth] = lo;
                _hi[depth] = mid;
                depth++;
            }

            return assigned;
        }

        private int Discover(long lo, long hi)
        {
            Queries++;
            _pdu[0] = BusAddressing.FunctionCode;
            _pdu[1] = BusAddressing.Discover;
            BusAddressing.WriteKey(_pdu, 2, lo);
            BusAddressing.WriteKey(_pdu, 6, hi);
            return _master.Transact(BusAddressing.UnaddressedAddress, _pdu, 0, 10, 0);
        }

        private bool Assign(long key, int token, int address)
        {
            Queries++;
            _pdu[0] = BusAddressing.FunctionCode;
            _pdu[1] = BusAddressing.Assign;
            BusAddressing.WriteKey(_pdu, 2, key);
            _pdu[6] = (byte)(token >> 8);
            _pdu[7] = (byte)token;
            _pdu[8] = (byte)address;
            if (_master.Transact(BusAddressing.UnaddressedAddress, _pdu, 0, 9, RtuMaster.MaxRetries) != RtuResult.Ok)
            {
                return false;
            }

            byte[] answer = _master.Response;
            return answer[2] == BusAddressing.Assign && BusAddressing.ReadKey(answer, 3) == key && answer[9] == address;
        }

        private static int FreeAddress(bool[] used)
        {
            for (int a = BusAddressing.FirstAddress; a <= BusAddressing.LastAddress; a++)
            {
                if (!used[a])
                {
                    return a;
                }
            }

            return 0;
        }
    }
}
