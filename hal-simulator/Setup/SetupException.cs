using System;

namespace Ipenergy.Probe.Simulator
{
    /// <summary>The virtual e-Probe cannot start as asked: a bad option, value or scenario. The message is one line.</summary>
    public class SetupException : Exception
    {
        public SetupException(string message)
            : base(OneLine(message))
        {
        }

        private static string OneLine(string message)
        {
            return message.Replace("\r", " ").Replace("\n", " ");
        }
    }
}
