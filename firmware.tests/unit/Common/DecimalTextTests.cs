using System.Text;
using Ipenergy.Probe.Common;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Common
{
    [TestClass]
    public class DecimalTextTests
    {
        private static string Fixed(double value, int decimals)
        {
            byte[] buffer = new byte[DecimalText.MaxChars + 4];
            buffer[0] = (byte)'#';
            int end = DecimalText.WriteFixed(buffer, 1, value, decimals);
            Assert.AreEqual((byte)'#', buffer[0], "wrote before its position");
            Assert.IsTrue(end - 1 <= DecimalText.MaxChars, "longer than MaxChars");
            return Encoding.UTF8.GetString(buffer, 1, end - 1);
        }

        private static string Scaled(long units, int decimals)
        {
            byte[] buffer = new byte[DecimalText.MaxChars];
            int end = DecimalText.WriteScaled(buffer, 0, units, decimals);
            return Encoding.UTF8.GetString(buffer, 0, end);
        }

        private static string Integer(long value)
        {
            byte[] buffer = new byte[DecimalText.MaxChars];
            int end = DecimalText.WriteInteger(buffer, 0, value);
            return Encoding.UTF8.GetString(buffer, 0, end);
        }

        [TestMethod]
        public void IntegersIncludingExtremes()
        {
            Assert.AreEqual("0", Integer(0));
            Assert.AreEqual("7", Integer(7));
            Assert.AreEqual("-42", Integer(-42));
            Assert.AreEqual("1000000", Integer(1000000));
            Assert.AreEqual("9223372036854775807", Integer(long.MaxValue));
            Assert.AreEqual("-9223372036854775808", Integer(long.MinValue));
        }

        [TestMethod]
        public void ScaledIsExact()
        {
            Assert.AreEqual("1234.567", Scaled(1234567, 3));
            Assert.AreEqual("0.005", Scaled(5, 3));
            Assert.AreEqual("-0.005", Scaled(-5, 3));
            Assert.AreEqual("0.000", Scaled(0, 3));
            Assert.AreEqual("9223372036854775.807", Scaled(long.MaxValue, 3));
            Assert.AreEqual("-9223372036854775.808", Scaled(long.MinValue, 3));
            Assert.AreEqual("12", Scaled(12, 0));
        }

        [TestMethod]
        public void FixedPadsDecimals()
        {
            Assert.AreEqual("230.00", Fixed(230.0, 2));
            Assert.AreEqual("50.000", Fixed(50.0, 3));
            Assert.AreEqual("0.0", Fixed(0.0, 1));
            Assert.AreEqual("1", Fixed(1.0, 0));
            Assert.AreEqual("0.0500", Fixed(0.05, 4));
        }

        [TestMethod]
        public void FixedNegative()
        {
            Assert.AreEqual("-4200.5", Fixed(-4200.5, 1));
            Assert.AreEqual("-0.9000", Fixed(-0.9, 4));
            Assert.AreEqual("-120.00", Fixed(-120.0, 2));
        }

        [TestMethod]
        public void FixedRoundsHalfAwayFromZero()
        {
            Assert.AreEqual("0.13", Fixed(0.125, 2));
            Assert.AreEqual("-0.13", Fixed(-0.125, 2));
            Assert.AreEqual("2.5", Fixed(2.45, 1)); // 2.45 is 2.45000000000000018 in binary
            Assert.AreEqual("1.00", Fixed(1.005, 2)); // 1.005 is 1.00499999999999989 in binary
            Assert.AreEqual("3", Fixed(2.5, 0));
            Assert.AreEqual("1.000", Fixed(0.99951, 3));
            Assert.AreEqual("10.00", Fixed(9.999, 2));
            Assert.AreEqual("0.666667", Fixed(2.0 / 3.0, 6));
        }

        [TestMethod]
        public void FixedRoundingToZeroHasNoMinusSign()
        {
            Assert.AreEqual("0.00", Fixed(-0.004, 2));
            Assert.AreEqual("0.0", Fixed(-0.0, 1));
            Assert.AreEqual("0.000", Fixed(-1e-300, 3));
        }

        [TestMethod]
        public void FixedTinyValuesAreZero()
        {
            Assert.AreEqual("0.000", Fixed(1e-9, 3));
            Assert.AreEqual("0.000", Fixed(double.Epsilon, 3));
            Assert.AreEqual("0.0001", Fixed(0.00005, 4));
        }

        [TestMethod]
        public void FixedLargeValuesStayExactUpToNineE15()
        {
            Assert.AreEqual("123456789.123", Fixed(123456789.123, 3));
            Assert.AreEqual("1000000000000.0", Fixed(1e12, 1));
            // 1e13 with 3 decimals would need 17 exact digits: decimals are dropped first.
            Assert.AreEqual("10000000000000.00", Fixed(1e13, 3));
            Assert.AreEqual("4503599627370496", Fixed(4503599627370496.0, 2));
        }

        [TestMethod]
        public void FixedHugeValuesUseExponentForm()
        {
            Assert.AreEqual("1e+20", Fixed(1e20, 2));
            Assert.AreEqual("-2.5e+18", Fixed(-2.5e18, 1));
            Assert.AreEqual("1.5e+300", Fixed(1.5e300, 3));
            Assert.AreEqual("1.23456789012346e+16", Fixed(12345678901234567.0, 0));
            Assert.AreEqual("1.79769313486231e+308", Fixed(double.MaxValue, 3));
            Assert.AreEqual("-1.79769313486231e+308", Fixed(double.MinValue, 3));
        }

        [TestMethod]
        public void FixedDecimalsAreClamped()
        {
            Assert.AreEqual("1.000000000", Fixed(1.0, 15));
            Assert.AreEqual("2", Fixed(1.5, -3));
        }

        [TestMethod]
        public void FixedNotANumberWritesZeroSoTextStaysWellFormed()
        {
            Assert.AreEqual("0", Fixed(double.NaN, 2));
            Assert.AreEqual("0", Fixed(double.PositiveInfinity, 2));
            Assert.AreEqual("0", Fixed(double.NegativeInfinity, 2));
        }

        [TestMethod]
        public void PaddedWritesFixedWidth()
        {
            byte[] buffer = new byte[8];
            int end = DecimalText.WritePadded(buffer, 0, 7, 3);
            Assert.AreEqual("007", Encoding.UTF8.GetString(buffer, 0, end));
        }
    }
}
