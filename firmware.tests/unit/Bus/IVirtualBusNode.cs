namespace Ipenergy.Probe.Tests.Unit.Bus
{
    /// <summary>A module simulated on the <see cref="VirtualBus"/>: sees each whole frame sent by a port and may answer it.</summary>
    public interface IVirtualBusNode
    {
        int BaudRate { get; }

        /// <summary>Microseconds between the end of the frame and the start of the answer.</summary>
        int ReplyDelayUs { get; }

        /// <summary>Writes the whole answer frame (CRC included) into reply; returns its length, 0 for none.</summary>
        int OnFrame(byte[] frame, int offset, int length, byte[] reply);
    }
}
