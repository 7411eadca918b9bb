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

        public void Write(TextWriter output)
        {
            int[] widths = new int[_header.Length];
            Measure(widths, _header);
            foreach (string[] row in _rows)
            {
                Measure(widths, row);
            }

            WriteRow(output, widths, _header);
            foreach (string[] row in _rows)
            {
                WriteRow(output, widths, row);
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
