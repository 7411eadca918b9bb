using System;
using Ipenergy.Probe.Protocols.Modbus.Maps;
using Xunit;

namespace Ipenergy.Probe.Tests.Modbus
{
    /// <summary>The device's allocation-free float32 encoder against .NET's own, over many values.</summary>
    public class RegisterWordsMapTests
    {
        [Fact]
        public void FloatBitsMatchesDotNetForRandomAndEdgeValues()
        {
            var random = new Random(12345);
            double[] edges = { 0.0, -0.0, 1.0, -1.0, 0.1, 1e-38, 1.1754942e-38, 1e-45, 3e-45, 3.4028235e38, 3.5e38, -3.5e38,
                double.PositiveInfinity, double.NegativeInfinity, 123456789.123, 50.02, 230.14 };
            foreach (double v in edges)
            {
                Assert.Equal(BitConverter.SingleToUInt32Bits((float)v), RegisterWords.FloatBits(v));
            }

            for (int i = 0; i < 200000; i++)
            {
                double v = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-50, 50));
                uint expected = BitConverter.SingleToUInt32Bits((float)v);
                uint actual = RegisterWords.FloatBits(v);
                if (expected != actual)
                {
                    Assert.Fail("FloatBits(" + v.ToString("R") + ") = " + actual.ToString("X8") + ", expected " + expected.ToString("X8"));
                }
            }
        }
    }
}
