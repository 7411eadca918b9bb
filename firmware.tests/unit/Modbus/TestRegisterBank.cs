using System;
using Ipenergy.Probe.Protocols.Modbus;

namespace Ipenergy.Probe.Tests.Unit.Modbus
{
    /// <summary>
    /// A register map for the protocol tests: holding registers [0, HoldingCount) of which the first
    /// WritableCount are writable, input registers [0, InputCount) read-only. A write of 0xFFFF is a
    /// refused value (03), a write touching FailingRegister cannot be stored (04), and ThrowOnRead makes
    /// reads throw. Writes are all-or-nothing, as IRegisterMap asks.
    /// </summary>
    public sealed class TestRegisterBank : IRegisterMap
    {
        public const int RefusedValue = 0xFFFF;

        private readonly int[] _holding;
        private readonly int[] _input;

        public TestRegisterBank(int holdingCount, int writableCount, int inputCount)
        {
            _holding = new int[holdingCount];
            _input = new int[inputCount];
            WritableCount = writableCount;
            FailingRegister = -1;
        }

        public int WritableCount { get; private set; }

        public int FailingRegister { get; set; }

        public bool ThrowOnRead { get; set; }

        public int Reads { get; private set; }

        public int Holding(int address)
        {
            return _holding[address];
        }

        public void SetHolding(int address, int value)
        {
            _holding[address] = value;
        }

        public void SetInput(int address, int value)
        {
            _input[address] = value;
        }

        public int Read(bool holding, int start, int count, byte[] dest, int destOffset)
        {
            if (ThrowOnRead)
            {
                throw new InvalidOperationException("test map failure");
            }

            int[] bank = holding ? _holding : _input;
            if (start < 0 || start + count > bank.Length)
            {
                return ModbusExceptionCode.IllegalDataAddress;
            }

            Reads++;
            for (int i = 0; i < count; i++)
            {
                dest[destOffset + 2 * i] = (byte)(bank[start + i] >> 8);
                dest[destOffset + 2 * i + 1] = (byte)bank[start + i];
            }

            return ModbusExceptionCode.None;
        }

        public int Write(int start, int count, byte[] src, int srcOffset)
        {
            if (start < 0 || start + count > WritableCount)
            {
                return ModbusExceptionCode.IllegalDataAddress;
            }

            for (int i = 0; i < count; i++)
            {
                int value = (src[srcOffset + 2 * i] << 8) | src[srcOffset + 2 * i + 1];
                if (value == RefusedValue)
                {
                    return ModbusExceptionCode.IllegalDataValue;
                }

                if (start + i == FailingRegister)
                {
                    return ModbusExceptionCode.ServerDeviceFailure;
                }
            }

            for (int i = 0; i < count; i++)
            {
                _holding[start + i] = (src[srcOffset + 2 * i] << 8) | src[srcOffset + 2 * i + 1];
            }

            return ModbusExceptionCode.None;
        }

        /// <summary>The bank of the specification's examples: registers 108..110 (addresses 107..109) = 555, 0, 100; input register 9 (address 8) = 10.</summary>
        public static TestRegisterBank SpecificationExample()
        {
            TestRegisterBank bank = new TestRegisterBank(200, 100, 20);
            bank.SetHolding(107, 0x022B);
            bank.SetHolding(108, 0x0000);
            bank.SetHolding(109, 0x0064);
            bank.SetInput(8, 0x000A);
            return bank;
        }
    }
}
