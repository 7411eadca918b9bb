namespace Ipenergy.Probe.Simulator.Chips
{
    /// <summary>
    /// Register addresses of the ATM90E32AS (Microchip datasheet) that the simulated chip models, and the magic
    /// values the e-Probe's chip contract uses. Inputs A, B, C are consecutive addresses: X + 0, X + 1, X + 2.
    /// </summary>
    public static class Atm90e32Registers
    {
        public const int MeterEn = 0x00;
        public const int PLconstH = 0x31;
        public const int PLconstL = 0x32;
        public const int MMode0 = 0x33;
        public const int MMode1 = 0x34;

        /// <summary>UgainA; per input the block is Ugain, Igain, Uoffset, Ioffset (A 0x61..0x64, B 0x65..0x68, C 0x69..0x6C).</summary>
        public const int UgainA = 0x61;
        public const int IgainA = 0x62;
        public const int UoffsetA = 0x63;
        public const int IoffsetA = 0x64;
        public const int CalibrationStride = 4;

        public const int SoftReset = 0x70;
        public const int EmmState0 = 0x71;
        public const int LastSpiData = 0x78;
        public const int CfgRegAccEn = 0x7F;

        // Energy, clear-on-read, 1 LSB = 1/320 Wh.
        public const int APenergyA = 0x81;
        public const int ANenergyA = 0x85;
        public const int RPenergyA = 0x89;
        public const int RNenergyA = 0x8D;

        // Power, signed 32-bit = reg << 16 | LSB reg, 1 LSB = 0.00032 W / var / VA.
        public const int PmeanA = 0xB1;
        public const int QmeanA = 0xB5;
        public const int SmeanA = 0xB9;
        public const int PFmeanA = 0xBD;
        public const int PmeanALsb = 0xC1;
        public const int QmeanALsb = 0xC5;
        public const int SmeanALsb = 0xC9;
        public const int PmeanAF = 0xD1;

        public const int IrmsN0 = 0xD8;
        public const int UrmsA = 0xD9;
        public const int IrmsA = 0xDD;
        public const int UrmsALsb = 0xE9;
        public const int IrmsALsb = 0xED;
        public const int ThdnUA = 0xF1;
        public const int ThdnIA = 0xF5;
        public const int Freq = 0xF8;
        public const int PAngleA = 0xF9;
        public const int Temp = 0xFC;
        public const int UangleA = 0xFD;

        /// <summary>Written to CfgRegAccEn: configuration and calibration registers writable; any other value locks them.</summary>
        public const ushort UnlockCode = 0x55AA;

        /// <summary>Written to SoftReset: every register back to its power-on value.</summary>
        public const ushort SoftResetCode = 0x789A;

        /// <summary>Datasheet power-on values.</summary>
        public const ushort PLconstHDefault = 0x0861;
        public const ushort PLconstLDefault = 0xC468;
        public const ushort MMode0Default = 0x0087;

        /// <summary>MMode0 bit 12: 60 Hz nominal (0: 50 Hz).</summary>
        public const int MMode0Freq60Hz = 1 << 12;

        /// <summary>Gain register value of the nominal board scaling (the contract's 32768 = 1.0).</summary>
        public const double UnityGain = 32768.0;

        /// <summary>Analog scaling of our board: what the chip's inputs see.</summary>
        public const double VoltsInPerPhaseVolt = 0.25 / 230.0;
        public const double CtOutputVoltsAtRating = 0.333;

        /// <summary>Urms[V] = u_in[V] × 920 × Ugain / 32768.</summary>
        public const double VoltageScale = 920.0;

        /// <summary>Irms[A] = i_in[V] / 0.333 × 500 × Igain / 32768.</summary>
        public const double CurrentScale = 500.0;

        public const double PowerLsb = 0.00032;
        public const double EnergyLsbWh = 1.0 / 320.0;
        public const double UrmsLsb = 0.01;
        public const double IrmsLsb = 0.001;

        /// <summary>Whether the CfgRegAccEn lock guards a write to this address (configuration 0x30..0x3F, calibration 0x40..0x6F).</summary>
        public static bool IsProtected(int address)
        {
            return address >= 0x30 && address <= 0x6F;
        }
    }
}
