namespace Ipenergy.Probe.Protocols.Snmp
{
    /// <summary>
    /// error-status values of RFC 3416 (v1 uses 0-5 only; the message layer maps v2c codes to v1 ones as
    /// RFC 3584 section 4.3 says when answering a v1 request).
    /// </summary>
    public static class SnmpErrorStatus
    {
        public const int NoError = 0;
        public const int TooBig = 1;
        public const int NoSuchName = 2;
        public const int BadValue = 3;
        public const int ReadOnly = 4;
        public const int GenErr = 5;
        public const int NoAccess = 6;
        public const int WrongType = 7;
        public const int WrongLength = 8;
        public const int WrongEncoding = 9;
        public const int WrongValue = 10;
        public const int NoCreation = 11;
        public const int InconsistentValue = 12;
        public const int ResourceUnavailable = 13;
        public const int CommitFailed = 14;
        public const int UndoFailed = 15;
        public const int AuthorizationError = 16;
        public const int NotWritable = 17;
        public const int InconsistentName = 18;
    }
}
