using System;

namespace Ipenergy.Probe.Config
{
    /// <summary>Little-endian field reader over a byte range; reading past the end sets Overrun and yields zeros.</summary>
    public sealed class ConfigBinaryReader
    {
        private readonly byte[] _buffer;
        private readonly int _end;
        private int _position;
        private bool _overrun;

        public ConfigBinaryReader(byte[] buffer, int offset, int count)
        {
            _buffer = buffer;
            _position = offset;
            _end = offset + count;
        }

        public int Position { get { return _position; } }

        /// <summary>True when a field ran past the end of the range.</summary>
        public bool Overrun { get { return _overrun; } }

        public int Remaining { get { return _end - _position; } }

        public int ReadByte()
        {
            return Take(1) ? _buffer[_position++] : 0;
        }

        public bool ReadBoolean()
        {
            return ReadByte() != 0;
        }

        public int ReadUInt16()
        {
            if (!Take(2))
            {
                return 0;
            }

            int value = _buffer[_position] | (_buffer[_position + 1] << 8);
            _position += 2;
            return value;
        }

        public uint ReadUInt32()
        {
            if (!Take(4))
            {
                return 0;
            }

            uint value = (uint)(_buffer[_position] | (_buffer[_position + 1] << 8) | (_buffer[_position + 2] << 16)
                | (_buffer[_position + 3] << 24));
            _position += 4;
            return value;
        }

        public double ReadDouble()
        {
            uint low = ReadUInt32();
            uint high = ReadUInt32();
            return BitConverter.Int64BitsToDouble((long)(((ulong)high << 32) | low));
        }

        public string ReadText()
        {
            int length = ReadByte();
            if (!Take(length))
            {
                return "";
            }

            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                chars[i] = (char)_buffer[_position + i];
            }

            _position += length;
            return new string(chars);
        }

        private bool Take(int count)
        {
            if (_overrun || _position + count > _end)
            {
                _overrun = true;
                return false;
            }

            return true;
        }
    }
}
