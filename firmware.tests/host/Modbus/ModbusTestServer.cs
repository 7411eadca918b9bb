using System;
using Ipenergy.Probe.Protocols.Modbus;
using Ipenergy.Probe.Tests.Unit.Modbus;

namespace Ipenergy.Probe.Tests.Modbus
{
    /// <summary>A Modbus-TCP server on 127.0.0.1, a free port, over a <see cref="TestRegisterBank"/>; Dispose stops it.</summary>
    public sealed class ModbusTestServer : IDisposable
    {
        public ModbusTestServer(int maxConnections = ModbusTcpServer.DefaultMaxConnections, int idleTimeoutMs = 10000, int frameTimeoutMs = ModbusTcpConnectionHandler.DefaultFrameTimeoutMs)
        {
            Bank = TestRegisterBank.SpecificationExample();
            for (int i = 0; i < 100; i++)
            {
                // Holding 0..99 writable, start with a recognisable pattern; 110..199 read-only.
                Bank.SetHolding(i, 1000 + i);
            }

            for (int i = 110; i < 200; i++)
            {
                Bank.SetHolding(i, i);
            }

            Server = new ModbusTcpServer(new ModbusPduProcessor(Bank, new ModbusDeviceIdentification("MPP18", "9.8.7")), "127.0.0.1", 0)
            {
                MaxConnections = maxConnections,
                IdleTimeoutMs = idleTimeoutMs,
                FrameTimeoutMs = frameTimeoutMs,
            };
            Server.Start();
        }

        public TestRegisterBank Bank { get; }

        public ModbusTcpServer Server { get; }

        public int Port => Server.Port;

        public void Dispose()
        {
            Server.Stop();
        }
    }
}
