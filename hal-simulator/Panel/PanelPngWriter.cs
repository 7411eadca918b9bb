using System.IO;
using System.Threading;
using Ipenergy.Probe.Common;

namespace Ipenergy.Probe.Simulator.Panel
{
    /// <summary>
    /// --panel-png DIR: writes DIR/panel.png (MonochromePng, 4 x 4 pixels a panel pixel) whenever the display
    /// changes, at most 5 times a second; written beside and renamed, so a reader never sees half a file.
    /// </summary>
    public sealed class PanelPngWriter
    {
        public const int Scale = 4;
        public const int MinIntervalMs = 200;

        private readonly SimulatedDisplay _display;
        private readonly string _path;
        private readonly ManualResetEvent _stop = new ManualResetEvent(false);
        private readonly byte[] _frame = new byte[SimulatedDisplay.Columns * SimulatedDisplay.Rows / 8];
        private readonly byte[] _png = new byte[MonochromePng.MaxLength(SimulatedDisplay.Columns, SimulatedDisplay.Rows, Scale)];
        private Thread _thread;

        public PanelPngWriter(SimulatedDisplay display, string directory)
        {
            _display = display;
            Directory.CreateDirectory(directory);
            _path = Path.Combine(directory, "panel.png");
        }

        public string FilePath { get { return _path; } }

        public void Start()
        {
            _thread = new Thread(Run) { IsBackground = true, Name = "panel png" };
            _thread.Start();
        }

        public void Stop()
        {
            _stop.Set();
            _thread?.Join(2000);
        }

        private void Run()
        {
            long written = -1;
            while (!_stop.WaitOne(MinIntervalMs))
            {
                long version = _display.CopyFrame(_frame);
                if (version == written)
                {
                    continue;
                }

                int length = MonochromePng.Encode(_frame, SimulatedDisplay.Columns, SimulatedDisplay.Rows, Scale, _png);
                string temp = _path + ".tmp";
                using (FileStream f = new FileStream(temp, FileMode.Create, FileAccess.Write))
                {
                    f.Write(_png, 0, length);
                }

                File.Move(temp, _path, true);
                written = version;
            }
        }
    }
}
