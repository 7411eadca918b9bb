namespace Ipenergy.Probe.Common
{
    /// <summary>What JsonReader.Read found (constants: no enum text on nanoFramework 1.x).</summary>
    public static class JsonTokenType
    {
        public const int None = 0;
        public const int StartObject = 1;
        public const int EndObject = 2;
        public const int StartArray = 3;
        public const int EndArray = 4;
        public const int PropertyName = 5;
        public const int String = 6;
        public const int Number = 7;
        public const int True = 8;
        public const int False = 9;
        public const int Null = 10;

        /// <summary>The whole document has been read (only whitespace followed it).</summary>
        public const int EndOfDocument = 11;

        /// <summary>The text is not valid JSON; JsonReader.Error says what and where. Sticky.</summary>
        public const int Error = 12;
    }
}
