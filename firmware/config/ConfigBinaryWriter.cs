using System;

namespace Ipenergy.Probe.Config
{
    /// <summary>Little-endian field writer into a caller-owned buffer; stops and sets Overflow when it is full.</summary>
    public sealed class ConfigBinaryWriter
    {
        private readonly byte[] _buffer;
        private readonly int _end;
        private int _position;
        private bool _overflow;

        public ConfigBinaryWriter(byte[] buffer, int offset, int count)
        {
            _buffer = buffer;
            _position = offset;
            _end = offset + count;
        }

        public int Position { get { return _position; } }

        /// <summary>True when a field did not fit (everything after it was dropped).</summary>
        public bool Overflow { get { return _overflow; } }

        public void WriteByte(int value)
        {
            if (Reserve(1))
            {
                _buffer[_position++] = (byte)value;
            }
        }

        public void WriteBoolean(bool value)
        {
            WriteByte(value ? 1 : 0);
        }

        public void WriteUInt16(int value)
        {
            if (Reserve(2))
            {
                _buffer[_position++] = (byte)value;
                _buffer[_position++] = (byte)(value >> 8);
            }
        }

        public void WriteUInt32(uint value)
        {
            if (Reserve(4))
            {
                _buffer[_position++] = (byte)value;
                _buffer[_position++] = (byte)(value >> 8);
                _buffer[_position++] = (byte)(value >> 16);
                _buffer[_position++] = (byte)(value >> 24);
            }
        }

        /// <summary>IEEE 754 binary64, little-endian: exact, so a value reads back bit for bit.</summary>
        public void WriteDouble(double value)
        {
            long bits = BitConverter.DoubleToInt64Bits(value);
            WriteUInt32((uint)bits);
            WriteUInt32((uint)(bits >> 32));
        }

        /// <summary>One length byte, then the characters as ASCII bytes (non-ASCII becomes '?'; validation forbids it).</summary>
        public void WriteText(string text)
        {
            int length = text.Length;
            if (length > 255 || !Reserve(1 + length))
            {
                _overflow = true;
                return;
            }

            _buffer[_position++] = (byte)length;
            for (int i = 0; i < length; i++)
            {
                char c = text[i];
                _buffer[_position++] = c < 128 ? (byte)c : (byte)'?';
            }
        }

        private bool Reserve(int count)
        {
            if (_overflow || _position + count > _end)
            {
                _overflow = true;
                return false;
            }

            return true;
        }
    }
}
