using Ipenergy.Probe.Config;

namespace Ipenergy.Probe.Display
{
    /// <summary>
    /// PIN entry on four buttons: Up/Down change the digit under the cursor, Enter moves to the next digit and,
    /// after the last, checks the PIN against the configuration's salted hash; Back goes one digit back or, on the
    /// first, cancels. Three wrong PINs in a row lock entry for <see cref="LockoutMs"/> (a 4-digit PIN would
    /// otherwise fall to patience). No allocation per key except the hash check on the last Enter.
    /// </summary>
    public sealed class PinEntry
    {
        public const int MaxTries = 3;
        public const long LockoutMs = 60000;

        public const int Continue = 0;
        public const int Accepted = 1;
        public const int Cancelled = 2;
        public const int Rejected = 3;

        private readonly byte[] _digits = new byte[PanelConfig.PinLength];
        private int _failures;
        private long _lockedUntil;
        private bool _locked;

        public PinEntry()
        {
            Begin();
        }

        /// <summary>Digit under the cursor, 0..3.</summary>
        public int Position { get; private set; }

        /// <summary>True after a wrong PIN until the next key.</summary>
        public bool Wrong { get; private set; }

        /// <summary>The digits as entered ('0'..'9').</summary>
        public byte[] Digits
        {
            get { return _digits; }
        }

        /// <summary>Back to 0000, cursor on the first digit.</summary>
        public void Begin()
        {
            for (int i = 0; i < _digits.Length; i++)
            {
                _digits[i] = (byte)'0';
            }

            Position = 0;
            Wrong = false;
        }

        public bool IsLocked(long nowMs)
        {
            if (_locked && nowMs >= _lockedUntil)
            {
                _locked = false;
                _failures = 0;
            }

            return _locked;
        }

        /// <summary>Whole seconds of lockout left (rounded up), 0 when not locked.</summary>
        public int LockSecondsLeft(long nowMs)
        {
            return IsLocked(nowMs) ? (int)((_lockedUntil - nowMs + 999) / 1000) : 0;
        }

        /// <summary>One key (Hal.PanelKeys bit); Continue, Accepted, Cancelled or Rejected.</summary>
        public int Key(int key, long nowMs, string storedHash)
        {
            Wrong = false;
            if (key == Hal.PanelKeys.Back)
            {
                if (Position == 0)
                {
                    return Cancelled;
                }

                Position--;
                return Continue;
            }

            if (IsLocked(nowMs))
            {
                return Continue;
            }

            if (key == Hal.PanelKeys.Up || key == Hal.PanelKeys.Down)
            {
                int d = _digits[Position] - '0' + (key == Hal.PanelKeys.Up ? 1 : 9);
                _digits[Position] = (byte)('0' + d % 10);
                return Continue;
            }

            if (key != Hal.PanelKeys.Enter)
            {
                return Continue;
            }

            if (Position < _digits.Length - 1)
            {
                Position++;
                return Continue;
            }

            if (PanelPinHash.Matches(storedHash, _digits, _digits.Length))
            {
                _failures = 0;
                Begin();
                return Accepted;
            }

            _failures++;
            if (_failures >= MaxTries)
            {
                _locked = true;
                _lockedUntil = nowMs + LockoutMs;
            }

            Begin();
            Wrong = true;
            return Rejected;
        }

        /// <summary>The entry on the body lines: prompt, the digits in large type with the cursor's inverted, status.</summary>
        public void Draw(FrameBuffer fb, PanelContext c, long nowMs)
        {
            c.Line.Clear().Append(c.Text(PanelText.EnterPin));
            PanelScreen.DrawLine(fb, 0, c.Line);
            int cell = 16;
            int x0 = (fb.Width - cell * _digits.Length) / 2;
            int y = PanelScreen.LineY(1) + 2;
            for (int i = 0; i < _digits.Length; i++)
            {
                // Digits before the cursor are hidden once confirmed.
                byte shown = i < Position ? (byte)'-' : _digits[i];
                int x = x0 + i * cell + 2;
                c.Value.Clear().AppendChar(shown);
                fb.DrawText(Font.Large, x, y, c.Value.Bytes, 0, 1);
                if (i == Position)
                {
                    fb.InvertRect(x - 2, y - 1, cell - 2, 18);
                }
            }

            int left = LockSecondsLeft(nowMs);
            c.Line.Clear();
            if (left > 0)
            {
                c.Line.Append(c.Text(PanelText.Locked)).AppendChar((byte)' ').AppendInt(left).Append(" s");
            }
            else if (Wrong)
            {
                c.Line.Append(c.Text(PanelText.WrongPin));
            }

            PanelScreen.DrawLine(fb, 5, c.Line);
        }
    }
}
