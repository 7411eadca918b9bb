using Xunit;

namespace Ipenergy.Probe.Tests.Modbus
{
    /// <summary>
    /// pymodbus (Debian python3-pymodbus, run with /usr/bin/python3) as the client of the server on
    /// 127.0.0.1: reads, writes, device identification and exception codes as pymodbus decodes them.
    /// </summary>
    public sealed class ModbusPymodbusTests
    {
        private const string Script = @"
import sys
from pymodbus.client import ModbusTcpClient
from pymodbus.mei_message import ReadDeviceInformationRequest

port = int(sys.argv[1])
c = ModbusTcpClient('127.0.0.1', port=port, timeout=5)
assert c.connect(), 'connect failed'

def code(r):
    return r.exception_code if r.isError() else 'ok'

r = c.read_holding_registers(107, 3, slave=1)
print('holding', r.registers)
r = c.read_input_registers(8, 1, slave=255)
print('input', r.registers)
r = c.write_register(5, 777, slave=1)
print('write1', code(r))
r = c.write_registers(40, [11, 22, 33], slave=1)
print('writeN', code(r))
r = c.read_holding_registers(40, 3, slave=1)
print('readback', r.registers)
r = c.read_holding_registers(0, 125, slave=1)
print('count125', len(r.registers))
# pymodbus 3.0 names the unit 'unit' on request objects and 'slave' on client calls.
r = c.execute(ReadDeviceInformationRequest(read_code=1, object_id=0, unit=1))
print('ident', r.conformity, sorted((k, v.decode()) for k, v in r.information.items()))
print('exc-addr', code(c.read_holding_registers(190, 20, slave=1)))
print('exc-readonly', code(c.write_register(150, 1, slave=1)))
print('exc-value', code(c.write_register(3, 65535, slave=1)))
print('exc-func', code(c.read_coils(0, 1, slave=1)))
print('exc-unit', code(c.read_holding_registers(107, 1, slave=7)))
c.close()
print('done')
";

        [Fact]
        public void PymodbusReadsWritesIdentifiesAndDecodesExceptions()
        {
            using var server = new ModbusTestServer();
            var r = ModbusPeerRunner.Python(Script, server.Port.ToString());
            Assert.True(r.ExitCode == 0, r.ToString());
            string o = r.Stdout;
            Assert.Contains("holding [555, 0, 100]", o);
            Assert.Contains("input [10]", o);
            Assert.Contains("write1 ok", o);
            Assert.Equal(777, server.Bank.Holding(5));
            Assert.Contains("writeN ok", o);
            Assert.Contains("readback [11, 22, 33]", o);
            Assert.Contains("count125 125", o);
            Assert.Contains("ident 129 [(0, 'IPenergy'), (1, 'MPP18'), (2, '9.8.7')]", o);
            Assert.Contains("exc-addr 2", o);
            Assert.Contains("exc-readonly 2", o);
            Assert.Contains("exc-value 3", o);
            Assert.Contains("exc-func 1", o);
            Assert.Contains("exc-unit 11", o);
            Assert.Contains("done", o);
        }
    }
}
