using System.Net;

namespace Ipenergy.Probe.Protocols
{
    /// <summary>What a <see cref="UdpDatagramServer"/> does with each datagram: the protocol, apart from the socket.</summary>
    public interface IDatagramHandler
    {
        /// <summary>
        /// Handles datagram[0..length-1] from sender; returns the length of the answer to send back to it (in
        /// <see cref="Answer"/> from <see cref="AnswerOffset"/>), or 0 for none. Runs on the server's thread only.
        /// </summary>
        int Handle(byte[] datagram, int length, EndPoint sender);

        /// <summary>The buffer the last answer was written to (reused).</summary>
        byte[] Answer { get; }

        /// <summary>Where the last answer starts in <see cref="Answer"/>.</summary>
        int AnswerOffset { get; }
    }
}
