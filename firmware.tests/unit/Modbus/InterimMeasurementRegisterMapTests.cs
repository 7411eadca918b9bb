using Ipenergy.Probe.Protocols.Modbus;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Modbus
{
    [TestClass]
    public class InterimMeasurementRegisterMapTests
    {
        [TestMethod]
        public void Float32BitsOfKnownValues()
        {
            Assert.AreEqual(0x3F800000, InterimMeasurementRegisterMap.Float32Bits(1.0), "1");
            Assert.AreEqual(unchecked((int)0xC0200000), InterimMeasurementRegisterMap.Float32Bits(-2.5), "-2.5");
            Assert.AreEqual(0x43660000, InterimMeasurementRegisterMap.Float32Bits(230.0), "230");
            Assert.AreEqual(0x3DCCCCCD, InterimMeasurementRegisterMap.Float32Bits(0.1), "0.1 rounded to nearest");
            Assert.AreEqual(0, InterimMeasurementRegisterMap.Float32Bits(0.0), "0");
            Assert.AreEqual(0x7F800000, InterimMeasurementRegisterMap.Float32Bits(1e300), "overflow -> +inf");
            Assert.AreEqual(0x7FC00000, InterimMeasurementRegisterMap.Float32Bits(double.NaN), "NaN");
            Assert.AreEqual(0, InterimMeasurementRegisterMap.Float32Bits(1e-45), "underflow flushes to 0");
        }

        [TestMethod]
        public void WithoutASnapshotReadsZeroAndRefusesOutside()
        {
            InterimMeasurementRegisterMap map = new InterimMeasurementRegisterMap(new NoSnapshot(), 3);
            Assert.AreEqual(12, map.RegisterCount);
            byte[] dest = new byte[24];
            dest[0] = 0x55;
            Assert.AreEqual(0, map.Read(false, 0, 12, dest, 0));
            Assert.AreEqual(0, (int)dest[0]);
            Assert.AreEqual(2, map.Read(true, 11, 2, dest, 0), "past the end");
            Assert.AreEqual(2, map.Write(0, 1, dest, 0), "read-only");
        }

        private sealed class NoSnapshot : Ipenergy.Probe.Metering.IMeasurementSource
        {
            public Ipenergy.Probe.Metering.MeasurementSnapshot Latest { get { return null; } }
        }
    }
}
