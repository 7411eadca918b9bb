namespace Ipenergy.Probe.Metering.Chip
{
    /// <summary>
    /// Register addresses of the ATM90E32AS (names and addresses as in Microchip's datasheet) that the e-Probe uses,
    /// and the command words it writes. Per-input registers of inputs A, B, C are consecutive (X, X + 1, X + 2);
    /// the calibration block repeats every 4 addresses (Ugain, Igain, Uoffset, Ioffset).
    /// </summary>
    public static class Atm90e32Registers
    {
        // Status and special registers
        public const int MeterEn = 0x00;
        public const int PLconstH = 0x31;
        public const int PLconstL = 0x32;
        public const int MMode0 = 0x33;
        public const int MMode1 = 0x34;
        public const int SoftReset = 0x70;
        public const int EMMState0 = 0x71;
        public const int LastSPIData = 0x78;
        public const int CfgRegAccEn = 0x7F;

        // Calibration, input A (B = +4, C = +8)
        public const int UgainA = 0x61;
        public const int IgainA = 0x62;
        public const int UoffsetA = 0x63;
        public const int IoffsetA = 0x64;
        public const int CalibrationStride = 4;

        // Energy, clear-on-read, unsigned, 1 LSB = 1/320 Wh (varh)
        public const int APenergyA = 0x81;
        public const int ANenergyA = 0x85;
        public const int RPenergyA = 0x89;
        public const int RNenergyA = 0x8D;

        // Power, signed 32-bit = high register << 16 | LSB register, 1 LSB = 0.00032 W / var / VA
        public const int PmeanA = 0xB1;
        public const int QmeanA = 0xB5;
        public const int SmeanA = 0xB9;
        public const int PFmeanA = 0xBD;
        public const int PmeanALSB = 0xC1;
        public const int QmeanALSB = 0xC5;
        public const int SmeanALSB = 0xC9;
        public const int PmeanAF = 0xD1;

        // RMS, unsigned; the LSB registers carry 8 more bits in bits 15..8
        public const int IrmsN0 = 0xD8;
        public const int UrmsA = 0xD9;
        public const int IrmsA = 0xDD;
        public const int UrmsALSB = 0xE9;
        public const int IrmsALSB = 0xED;

        // Distortion, frequency, angles, temperature
        public const int THDNUA = 0xF1;
        public const int THDNIA = 0xF5;
        public const int Freq = 0xF8;
        public const int PAngleA = 0xF9;
        public const int Temp = 0xFC;
        public const int UangleA = 0xFD;

        /// <summary>Address word bit 15: the access is a read.</summary>
        public const int ReadFlag = 0x8000;

        /// <summary>Address bits 9..0 of the address word.</summary>
        public const int AddressMask = 0x03FF;

        /// <summary>CfgRegAccEn: configuration and calibration registers writable.</summary>
        public const int CfgUnlock = 0x55AA;

        /// <summary>CfgRegAccEn: registers locked again.</summary>
        public const int CfgLock = 0x0000;

        /// <summary>SoftReset command word.</summary>
        public const int SoftResetCode = 0x789A;

        /// <summary>MeterEn: metering on.</summary>
        public const int MeterEnable = 0x0001;

        /// <summary>MMode0 power-on value (3P4W); bit 12 selects 60 Hz.</summary>
        public const int MMode0Default = 0x0087;
        public const int MMode0Freq60Hz = 0x1000;

        /// <summary>MMode1: PGA gain x1 on every input.</summary>
        public const int MMode1GainsX1 = 0x0000;
    }
}
