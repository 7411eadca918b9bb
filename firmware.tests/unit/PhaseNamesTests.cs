using Ipenergy.Probe.Common;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit
{
    [TestClass]
    public class PhaseNamesTests
    {
        [TestMethod]
        public void NamesRoundTrip()
        {
            for (int i = 0; i < PhaseNames.Count; i++)
            {
                Assert.AreEqual(i, PhaseNames.Parse(PhaseNames.Name(i)));
            }
        }

        [TestMethod]
        public void UnknownPhaseIsMinusOne()
        {
            Assert.AreEqual(-1, PhaseNames.Parse("L4"));
            Assert.AreEqual(-1, PhaseNames.Parse("l1"));
            Assert.AreEqual(-1, PhaseNames.Parse(""));
        }
    }
}
