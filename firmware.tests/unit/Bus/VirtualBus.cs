using System.Collections;
using Ipenergy.Probe.Bus;

namespace Ipenergy.Probe.Tests.Unit.Bus
{
    /// <summary>
    /// An in-memory RS-485 multi-drop bus in simulated time (microseconds), single-threaded: a port's Write
    /// puts its bytes on the wire one character time apart and returns when the last has left; a Read with
    /// nothing there jumps the clock to the next byte or to the timeout. Virtual nodes answer whole frames
    /// right after they end (after their reply delay). Bytes of two senders that overlap in time collide
    /// (ANDed, as dominant zeros would); a port at another baud rate receives mangled bytes; garbage can be
    /// injected at any time. Also the <see cref="IBusClock"/> of everything on it.
    /// </summary>
    public sealed class VirtualBus : IBusClock
    {
        // 11 bits a character, in microseconds times the baud rate: byte times are exact, not rounded per character.
        private const long BitsTimes1e6 = RtuTiming.BitsPerCharacter * 1000000L;

        private readonly ArrayList _ports = new ArrayList();
        private readonly ArrayList _nodes = new ArrayList();
        private readonly byte[] _reply = new byte[300];
        private int _nextSender = 1;

        public long NowUs { get; set; }

        public long Microseconds
        {
            get { return NowUs; }
        }

        public int Collisions { get; private set; }

        public void Sleep(int microseconds)
        {
            if (microseconds > 0)
            {
                NowUs += microseconds;
            }
        }

        public VirtualBusPort AddPort(int baudRate)
        {
            VirtualBusPort port = new VirtualBusPort(this, _nextSender++, baudRate);
            _ports.Add(port);
            return port;
        }

        public void AddNode(IVirtualBusNode node)
        {
            _nodes.Add(node);
        }

        /// <summary>Bytes that arrive at every port from <paramref name="atUs"/> on, at the given baud rate.</summary>
        public void InjectGarbage(byte[] bytes, long atUs, int baudRate)
        {
            Transmit(null, -1, baudRate, bytes, 0, bytes.Length, atUs);
        }

        // Called by a port's Write: the bytes go out, then every node sees the frame.
        internal long Transmit(VirtualBusPort from, int sender, int baudRate, byte[] data, int offset, int count, long startUs)
        {
            // Bytes closer than one character time (rounded down) overlap on the wire.
            int charUs = (int)(BitsTimes1e6 / baudRate);
            for (int p = 0; p < _ports.Count; p++)
            {
                VirtualBusPort port = (VirtualBusPort)_ports[p];
                if (port == from && !port.EchoesTransmit)
                {
                    continue;
                }

                for (int i = 0; i < count; i++)
                {
                    byte value = data[offset + i];
                    if (port.BaudRate != baudRate)
                    {
                        value = (byte)((value * 7 + 0x35) & 0xFF);
                    }

                    if (port.Schedule(startUs + (i + 1) * BitsTimes1e6 / baudRate, value, sender, charUs))
                    {
                        Collisions++;
                    }
                }
            }

            long endUs = startUs + count * BitsTimes1e6 / baudRate;
            if (from != null)
            {
                for (int n = 0; n < _nodes.Count; n++)
                {
                    IVirtualBusNode node = (IVirtualBusNode)_nodes[n];
                    if (node.BaudRate != baudRate)
                    {
                        continue;
                    }

                    int length = node.OnFrame(data, offset, count, _reply);
                    if (length > 0)
                    {
                        Transmit(null, 1000 + n, node.BaudRate, _reply, 0, length, endUs + node.ReplyDelayUs);
                    }
                }
            }

            return endUs;
        }
    }
}
