namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>The billing snapshots (every counter at each period boundary) as GET /api/v1/billing reads them.</summary>
    public interface IBillingSource
    {
        /// <summary>Visits every stored snapshot, oldest first.</summary>
        void Visit(IBillingVisitor visitor);
    }
}
