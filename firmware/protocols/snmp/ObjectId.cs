namespace Ipenergy.Probe.Protocols.Snmp
{
    /// <summary>
    /// Object identifiers as arrays of arcs plus a length, so requests parse into reused buffers and
    /// nothing is allocated per request. Order is the lexicographic order of RFC 3416 (GETNEXT).
    /// </summary>
    public static class ObjectId
    {
        /// <summary>Arcs kept for one OID: RFC 2578 limits an OID to 128 sub-identifiers.</summary>
        public const int MaxArcs = 128;

        /// <summary>Negative, zero or positive as a is before, equal to or after b.</summary>
        public static int Compare(uint[] a, int aLength, uint[] b, int bLength)
        {
            int common = aLength < bLength ? aLength : bLength;
            for (int i = 0; i < common; i++)
            {
                if (a[i] != b[i])
                {
                    return a[i] < b[i] ? -1 : 1;
                }
            }

            return aLength - bLength;
        }

        /// <summary>True when the first prefix.Length arcs of oid are the arcs of prefix.</summary>
        public static bool StartsWith(uint[] oid, int length, uint[] prefix)
        {
            if (length < prefix.Length)
            {
                return false;
            }

            for (int i = 0; i < prefix.Length; i++)
            {
                if (oid[i] != prefix[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Where oid lies against the subtree under root: <see cref="Before"/> when every OID of the subtree
        /// comes after it (oid is a strict prefix of root, or sorts before root), <see cref="Inside"/> when
        /// oid starts with root, <see cref="After"/> when the whole subtree comes before it.
        /// </summary>
        public static int Position(uint[] oid, int length, uint[] root)
        {
            int common = length < root.Length ? length : root.Length;
            for (int i = 0; i < common; i++)
            {
                if (oid[i] != root[i])
                {
                    return oid[i] < root[i] ? Before : After;
                }
            }

            return length < root.Length ? Before : Inside;
        }

        public const int Before = -1;
        public const int Inside = 0;
        public const int After = 1;

        /// <summary>Parses "1.3.6.1..." once at start-up (constant tables); not for request paths.</summary>
        public static uint[] Parse(string dotted)
        {
            int count = 1;
            for (int i = 0; i < dotted.Length; i++)
            {
                if (dotted[i] == '.')
                {
                    count++;
                }
            }

            uint[] arcs = new uint[count];
            int arc = 0;
            uint value = 0;
            for (int i = 0; i < dotted.Length; i++)
            {
                char c = dotted[i];
                if (c == '.')
                {
                    arcs[arc++] = value;
                    value = 0;
                }
                else
                {
                    value = (value * 10) + (uint)(c - '0');
                }
            }

            arcs[arc] = value;
            return arcs;
        }

        /// <summary>A new array: prefix followed by the given arcs (start-up only).</summary>
        public static uint[] Append(uint[] prefix, uint arc)
        {
            uint[] arcs = new uint[prefix.Length + 1];
            for (int i = 0; i < prefix.Length; i++)
            {
                arcs[i] = prefix[i];
            }

            arcs[prefix.Length] = arc;
            return arcs;
        }
    }
}
