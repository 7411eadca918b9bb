using System;
using System.Collections.Generic;
using System.IO;

namespace Ipenergy.Probe.Cli
{
    /// <summary>
    /// A plain text table for a terminal: a header row, then rows, columns padded to their widest cell; numbers
    /// (cells the caller marks right-aligned) line up on the right.
    /// </summary>
    public sealed class TableWriter
    {
        private readonly string[] _header;
        private readonly bool[] _rightAligned;
        private readonly List<string[]> _rows = new List<string[]>();
        private readonly HashSet<int> _spanning = new HashSet<int>();

        public TableWriter(params string[] header)
        {
            _header = header;
            _rightAligned = new bool[header.Length];
        }

        /// <summary>Right-aligns the given columns (numbers).</summary>
        public TableWriter AlignRight(params int[] columns)
        {
            foreach (int c in columns)
            {
                _rightAligned[c] = true;
            }

            return this;
        }

        public int RowCount { get { return _rows.Count; } }

        public void Add(params string[] cells)
        {
            if (cells.Length != _header.Length)
            {
                throw new ArgumentException("row of " + cells.Length + " cells in a table of " + _header.Length + " columns");
            }

            _rows.Add(cells);
        }

        /// <summary>
        /// A row whose first cell lines up with the others and whose text then runs across the remaining columns
        /// without widening them (e.g. a probe's error in place of its values).
        /// </summary>
        public void AddSpanning(string firstCell, string text)
        {
            _spanning.Add(_rows.Count);
            _rows.Add(new[] { firstCell, text });
        }

        public void Write(TextWriter output)
        {
            int[] widths = new int[_header.Length];
            Measure(widths, _header);
            for (int r = 0; r < _rows.Count; r++)
            {
                if (_spanning.Contains(r))
                {
                    widths[0] = Math.Max(widths[0], (_rows[r][0] ?? "").Length);
                }
                else
                {
                    Measure(widths, _rows[r]);
                }
            }

            WriteRow(output, widths, _header);
            for (int r = 0; r < _rows.Count; r++)
            {
                if (_spanning.Contains(r))
                {
                    string first = _rows[r][0] ?? "";
                    output.WriteLine((_header.Length > 1 ? first.PadRight(widths[0]) + "  " + _rows[r][1] : first).TrimEnd());
                }
                else
                {
                    WriteRow(output, widths, _rows[r]);
                }
            }
        }

        private static void Measure(int[] widths, string[] cells)
        {
            for (int i = 0; i < cells.Length; i++)
            {
                widths[i] = Math.Max(widths[i], (cells[i] ?? "").Length);
            }
        }

        private void WriteRow(TextWriter output, int[] widths, string[] cells)
        {
            var line = new System.Text.StringBuilder();
            for (int i = 0; i < cells.Length; i++)
            {
                string cell = cells[i] ?? "";
                bool last = i == cells.Length - 1;
                if (_rightAligned[i])
                {
                    line.Append(cell.PadLeft(widths[i]));
                }
                else
                {
                    line.Append(last ? cell : cell.PadRight(widths[i]));
                }

                if (!last)
                {
                    line.Append("  ");
                }
            }

            output.WriteLine(line.ToString().TrimEnd());
        }
    }
}
