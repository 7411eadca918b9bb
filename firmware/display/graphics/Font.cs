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
        public static readonly Font Small = new Font(SmallGlyphs.Codes, SmallGlyphs.Widths, SmallGlyphs.Columns, 1, 1);
        public static readonly Font Large = new Font(LargeGlyphs.Codes, LargeGlyphs.Widths, LargeGlyphs.Columns, 2, 2);

        private readonly byte[] _widths;
        private readonly byte[] _columns;
        private readonly int _bands;
        private readonly int _spacing;

        // Glyph index of each byte value (0 = the box) and where each glyph's columns start.
        private readonly byte[] _glyphOf = new byte[256];
        private readonly int[] _offsets;

        private Font(byte[] codes, byte[] widths, byte[] columns, int bands, int spacing)
        {
            _widths = widths;
            _columns = columns;
            _bands = bands;
            _spacing = spacing;
            _offsets = new int[codes.Length];
            int offset = 0;
            for (int g = 0; g < codes.Length; g++)
            {
                _glyphOf[codes[g]] = (byte)g;
                _offsets[g] = offset;
                offset += widths[g] * bands;
            }
        }

        /// <summary>Rows of a character cell (8 or 16).</summary>
        public int Height
        {
            get { return _bands * 8; }
        }

        /// <summary>Advance of a character in pixels: its glyph width plus the spacing after it.</summary>
        public int CharWidth(byte c)
        {
            return _widths[_glyphOf[c]] + _spacing;
        }

        /// <summary>
        /// Eight rows (band 0 = rows 0-7, band 1 = rows 8-15) of one column of a character's cell, bit 0 = top row;
        /// the spacing columns after the glyph are blank.
        /// </summary>
        internal int Column(byte c, int column, int band)
        {
            int g = _glyphOf[c];
            if (column >= _widths[g])
            {
                return 0;
            }

            return _columns[_offsets[g] + column * _bands + band];
        }
    }
}
