using System;
using System.Device.Gpio;
using System.IO.Ports;
using System.Threading;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Board
{
    /// <summary>
    /// The module's RS-485 port. On the ESP32 a nanoFramework SerialPort in RS485 mode, so the UART itself raises the
    /// transceiver's driver enable (its RTS pin, routed by the board) around each frame. Where the target firmware
    /// does not route a DE pin (STM32: it is a build option of the nanoCLR image), the port drives a GPIO instead:
    /// high before the write, low once the last stop bit has left. Either way the receiver hears nothing of what we
    /// send (<see cref="EchoesTransmit"/> false: the board fits a transceiver whose /RE follows DE).
    /// Reads wait on the DataReceived event with a deadline; writes return once the last character is on the wire.
    /// </summary>
    public sealed class Rs485SerialPort : ISerialPort
    {
        private readonly SerialPort _port;
        private readonly AutoResetEvent _received = new AutoResetEvent(false);
        private readonly byte[] _discard = new byte[64];
        private readonly GpioPin _driverEnable;
        private readonly SerialMode _mode;
        private int _bitsPerCharacter = 10;

        /// <summary>A port whose UART drives DE itself (RS485 mode: the RTS pin, routed by the board).</summary>
        /// <param name="portName">"COM2" and so on; the board has routed its TX, RX and RTS pins before.</param>
        public Rs485SerialPort(string portName)
            : this(portName, null)
        {
        }

        /// <summary>A port in normal mode whose DE (and /RE) the given output pin drives; null: the UART's RS485 mode.</summary>
        public Rs485SerialPort(string portName, GpioPin driverEnable)
        {
            _driverEnable = driverEnable;
            _mode = driverEnable == null ? SerialMode.RS485 : SerialMode.Normal;
            if (_driverEnable != null)
            {
                _driverEnable.Write(PinValue.Low);
            }

            _port = new SerialPort(portName, 9600, Parity.None, 8, StopBits.One);
            _port.Handshake = Handshake.None;
            _port.Mode = _mode;
            _port.ReceivedBytesThreshold = 1;
            _port.DataReceived += OnDataReceived;
            _port.Open();
        }

        public int BaudRate { get { return _port.BaudRate; } }

        public bool EchoesTransmit { get { return false; } }

        public void Configure(int baudRate, int parity, int stopBits)
        {
            // Each setter reconfigures the open UART (nanoFramework's SerialPort applies settings while open).
            _port.BaudRate = baudRate;
            _port.Parity = parity == SerialParity.Even ? Parity.Even : (parity == SerialParity.Odd ? Parity.Odd : Parity.None);
            _port.StopBits = stopBits == 2 ? StopBits.Two : StopBits.One;
            _bitsPerCharacter = 1 + 8 + (parity == SerialParity.None ? 0 : 1) + (stopBits == 2 ? 2 : 1);
            DiscardInput();
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            int available = _port.BytesToRead;
            if (available == 0 && timeoutMs > 0)
            {
                long deadline = Environment.TickCount64 + timeoutMs;
                while (available == 0)
                {
                    long left = deadline - Environment.TickCount64;
                    if (left <= 0)
                    {
                        break;
                    }

                    _received.WaitOne((int)left, false);
                    available = _port.BytesToRead;
                }
            }

            if (available == 0)
            {
                return 0;
            }

            // Never more than what is buffered: SerialPort.Read would otherwise wait (ReadTimeout) for the rest.
            return _port.Read(buffer, offset, available < count ? available : count);
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            // nanoFramework's SerialPort has no BytesToWrite: whether Write returns once the bytes are queued or once
            // they are sent is the driver's business. Either way, wait until their wire time (plus the character in the
            // shift register) has passed since the call, so the caller times its turnaround from the last stop bit.
            if (_driverEnable != null)
            {
                _driverEnable.Write(PinValue.High);
            }

            long start = Environment.TickCount64;
            _port.Write(buffer, offset, count);
            long wireMicroseconds = (long)(count + 1) * _bitsPerCharacter * 1000000L / _port.BaudRate;
            long waitMs = (wireMicroseconds + 999) / 1000 - (Environment.TickCount64 - start);
            if (waitMs > 0)
            {
                Thread.Sleep((int)waitMs);
            }

            if (_driverEnable != null)
            {
                _driverEnable.Write(PinValue.Low);
            }
        }

        public void DiscardInput()
        {
            int pending = _port.BytesToRead;
            while (pending > 0)
            {
                _port.Read(_discard, 0, pending < _discard.Length ? pending : _discard.Length);
                pending = _port.BytesToRead;
            }

            _received.Reset();
        }

        private void OnDataReceived(object sender, SerialDataReceivedEventArgs e)
        {
            _received.Set();
        }
    }
}
