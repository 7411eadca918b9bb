using System;
using System.Collections.Generic;
using Ipenergy.Probe.Protocols.Http;

namespace Ipenergy.Probe.Tests.Panel
{
    /// <summary>An IPanelMirror over a frame the test draws, recording the presses (queue of QueueLength).</summary>
    public sealed class FakePanelMirror : IPanelMirror
    {
        public readonly byte[] Frame = new byte[128 * 64 / 8];
        public readonly List<(int Key, bool Long)> Presses = new List<(int, bool)>();
        public long Number = 1;
        public int QueueLength = 64;

        public int Width { get { return 128; } }

        public int Height { get { return 64; } }

        public long CopyFrame(byte[] dest)
        {
            lock (Frame)
            {
                Array.Copy(Frame, dest, Frame.Length);
                return Number;
            }
        }

        public bool Press(int key, bool longPress)
        {
            lock (Presses)
            {
                if (Presses.Count >= QueueLength)
                {
                    return false;
                }

                Presses.Add((key, longPress));
                return true;
            }
        }

        /// <summary>Pixel (x, y) on, as the page layout stores it.</summary>
        public void Set(int x, int y)
        {
            Frame[(y / 8) * 128 + x] |= (byte)(1 << (y & 7));
        }
    }
}
