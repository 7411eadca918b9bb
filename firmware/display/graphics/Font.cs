namespace Ipenergy.Probe.Display
{
    /// <summary>
    /// A bitmap font over column-byte glyph tables (fonts/*.txt drawings, turned into SmallGlyphs/LargeGlyphs by
    /// fonts/fontgen.py). Characters are Latin-1 bytes; a byte without a glyph draws as a small box.
    /// Small: 5 x 7 glyphs (descenders in the 8th row) in a 6 x 8 cell, 21 characters x 8 lines on 128 x 64; ASCII
    /// 32..126, the French letters àâçéèêëîïôùûü ÀÂÇÉÈÊÎÔÙÛ and °.
    /// Large: 16 rows, digits 10 wide (12 with spacing), for values: 0-9 . , : - + % space and A H M V W a h k r v z.
    /// </summary>
    public sealed class Font
    {
        public static readonly Font Small = new Font(SmallSet, 1, 1);
        public static readonly Font Large = new Font(LargeSet, 2, 2);

        private const int SmallSet = 0;
        private const int LargeSet = 1;

        private readonly int _set;
        private readonly int _bands;
        private readonly int _spacing;

        // Filled on first use, not in the constructor: nanoFramework runs static initializers at start-up in no
        // guaranteed order across classes, so SmallGlyphs' tables may still be null while Font's are initialized.
        private byte[] _widths;
        private byte[] _columns;
        private int[] _offsets;

        // Glyph index of each byte value (0 = the box); assigned last, so non-null means loaded.
        private byte[] _glyphOf;

        private Font(int set, int bands, int spacing)
        {
            _set = set;
            _bands = bands;
            _spacing = spacing;
        }

        /// <summary>Rows of a character cell (8 or 16).</summary>
        public int Height
        {
            get { return _bands * 8; }
        }

        /// <summary>Advance of a character in pixels: its glyph width plus the spacing after it.</summary>
        public int CharWidth(byte c)
        {
            if (_glyphOf == null)
            {
                Load();
            }

            return _widths[_glyphOf[c]] + _spacing;
        }

        /// <summary>
        /// Eight rows (band 0 = rows 0-7, band 1 = rows 8-15) of one column of a character's cell, bit 0 = top row;
        /// the spacing columns after the glyph are blank.
        /// </summary>
        internal int Column(byte c, int column, int band)
        {
            if (_glyphOf == null)
            {
                Load();
            }

            int g = _glyphOf[c];
            if (column >= _widths[g])
            {
                return 0;
            }

            return _columns[_offsets[g] + column * _bands + band];
        }

        private void Load()
        {
            byte[] codes = _set == SmallSet ? SmallGlyphs.Codes : LargeGlyphs.Codes;
            byte[] widths = _set == SmallSet ? SmallGlyphs.Widths : LargeGlyphs.Widths;
            byte[] glyphOf = new byte[256];
            int[] offsets = new int[codes.Length];
            int offset = 0;
            for (int g = 0; g < codes.Length; g++)
            {
                glyphOf[codes[g]] = (byte)g;
                offsets[g] = offset;
                offset += widths[g] * _bands;
            }

            _widths = widths;
            _columns = _set == SmallSet ? SmallGlyphs.Columns : LargeGlyphs.Columns;
            _offsets = offsets;
            _glyphOf = glyphOf;
        }
    }
}
