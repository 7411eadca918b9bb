namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>Factory reset of the configuration, as PUT /api/v1/config/factory-reset asks for it.</summary>
    public interface IConfigReset
    {
        /// <summary>Puts the factory configuration in force and stores it; null when done, else why not.</summary>
        string FactoryReset();
    }
}
