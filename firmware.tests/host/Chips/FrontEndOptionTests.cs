using Ipenergy.Probe.Simulator;
using Xunit;

namespace Ipenergy.Probe.Tests.Chips
{
    /// <summary>--front-end on the command line: adc by default, atm90e32 on request, anything else refused in one line.</summary>
    public class FrontEndOptionTests
    {
        [Fact]
        public void TheAdcMetersUnlessTheChipsAreAskedFor()
        {
            Assert.Equal(SimulatorOptions.FrontEndAdc, OptionsParser.Parse(new string[0]).FrontEnd);
            Assert.Equal(SimulatorOptions.FrontEndAtm90e32, OptionsParser.Parse(new[] { "--front-end", "atm90e32" }).FrontEnd);
            Assert.Equal(SimulatorOptions.FrontEndAtm90e32, OptionsParser.Parse(new[] { "--front-end=ATM90E32" }).FrontEnd);
            Assert.Equal(SimulatorOptions.FrontEndAdc, OptionsParser.Parse(new[] { "--front-end", "adc" }).FrontEnd);
        }

        [Fact]
        public void AnUnknownFrontEndIsRefusedByName()
        {
            var e = Assert.Throws<SetupException>(() => OptionsParser.Parse(new[] { "--front-end", "ade9000" }));
            Assert.Equal("--front-end must be adc or atm90e32, got 'ade9000'", e.Message);
            e = Assert.Throws<SetupException>(() => OptionsParser.Parse(new[] { "--front-end", "adc", "--front-end", "adc" }));
            Assert.Equal("--front-end given more than once", e.Message);
        }

        [Fact]
        public void TheHelpTextNamesTheOption()
        {
            Assert.Contains("--front-end adc|atm90e32", Usage.Text);
        }
    }
}
