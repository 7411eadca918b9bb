// gate-board-packages: nanoFramework.System.Device.Adc
using System.Device.Adc;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Board.Bad
{
    /// <summary>
    /// A board sampler that wants a block read: System.Device.Adc 1.1.24 has ReadValue() and
    /// ReadRatio() only, no buffered or DMA read, and no static resolution on the controller.
    /// </summary>
    public sealed class AdcMissingMember
    {
        private readonly AdcChannel _channel;

        public AdcMissingMember(AdcController controller, int channelNumber)
        {
            _channel = controller.OpenChannel(channelNumber);
        }

        public void Fill(SampleBlock block)
        {
            _channel.ReadValues(block.Codes); // expect: CS1061
            int bits = AdcController.MaxResolution; // expect: CS0117
            block.Frames = bits;
        }
    }
}
