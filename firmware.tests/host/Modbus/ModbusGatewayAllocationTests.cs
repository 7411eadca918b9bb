using System;
using Ipenergy.Probe.Bus;
using Ipenergy.Probe.Protocols.Modbus;
using Ipenergy.Probe.Tests.Unit.Bus;
using Ipenergy.Probe.Tests.Unit.Modbus;
using Xunit;

namespace Ipenergy.Probe.Tests.Modbus
{
    /// <summary>
    /// A Modbus-TCP frame for a bus address, answered by the gateway from its cache, allocates nothing
    /// (GC.GetAllocatedBytesForCurrentThread over 2000 frames: reads, 02, 0B and 01 answers).
    /// </summary>
    public sealed class ModbusGatewayAllocationTests
    {
        [Fact]
        public void GatewayAnswersAllocateNothing()
        {
            var bus = new VirtualBus();
            var master = new RtuMaster(bus.AddPort(115200), bus);
            var poller = new BusPoller(master, new ModuleCache(new[] { new RegisterRange(true, 0, 125) }), bus, null);
            var module = new SimulatedModule(2, 115200, 2000) { ReplyDelayUs = 1750 };
            bus.AddNode(module);
            poller.SetAddresses(new[] { 2 });
            poller.PollCycle();
            ModbusPduProcessor pdu = ModbusFrames.Processor(new TestRegisterBank(10, 0, 10));
            pdu.Gateway = new ModbusGatewayRouter(poller.Cache);
            var frames = new ModbusTcpFrameProcessor(pdu);
            byte[][] requests =
            {
                Frame(2, 0x03, 0, 125), Frame(2, 0x04, 100, 2), Frame(2, 0x03, 120, 10), Frame(9, 0x03, 0, 1), Frame(2, 0x06, 0, 1),
            };
            byte[] response = new byte[MbapHeader.MaxFrameLength];
            int lengths = 0;
            for (int i = 0; i < requests.Length; i++)
            {
                lengths += frames.TryAnswer(requests[i], 0, requests[i].Length, response, out _);
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            int total = 0;
            for (int n = 0; n < 400; n++)
            {
                for (int i = 0; i < requests.Length; i++)
                {
                    total += frames.TryAnswer(requests[i], 0, requests[i].Length, response, out _);
                }
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(400L * lengths, total);
            Assert.Equal(7 + 2 + 250 + 7 + 2 + 4 + 3 * (7 + 2), lengths);
            Assert.Equal(0L, allocated);
        }

        private static byte[] Frame(int unit, int function, int start, int count)
        {
            return new byte[] { 0, 1, 0, 0, 0, 6, (byte)unit, (byte)function, (byte)(start >> 8), (byte)start, (byte)(count >> 8), (byte)count };
        }
    }
}
