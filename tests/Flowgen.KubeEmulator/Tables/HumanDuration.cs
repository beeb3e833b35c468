namespace Flowgen.KubeEmulator.Tables;

/// <summary>Ages as the API server prints them (apimachinery's <c>duration.HumanDuration</c>): 45s, 5m3s, 3h, 2d4h, 4y.</summary>
internal static class HumanDuration
{
    public static string Format(TimeSpan age)
    {
        var seconds = (long)age.TotalSeconds;
        if (seconds < -1) return "<invalid>";
        if (seconds < 0) return "0s";
        var minutes = (long)age.TotalMinutes;
        var hours = (long)age.TotalHours;
        if (seconds < 60 * 2) return $"{seconds}s";
        if (minutes < 10) return seconds % 60 == 0 ? $"{minutes}m" : $"{minutes}m{seconds % 60}s";
        if (minutes < 60 * 3) return $"{minutes}m";
        if (hours < 8) return minutes % 60 == 0 ? $"{hours}h" : $"{hours}h{minutes % 60}m";
        if (hours < 48) return $"{hours}h";
        if (hours < 24 * 8) return hours % 24 == 0 ? $"{hours / 24}d" : $"{hours / 24}d{hours % 24}h";
        if (hours < 24 * 365 * 2) return $"{hours / 24}d";
        if (hours < 24 * 365 * 8)
        {
            var days = hours / 24 % 365;
            return days == 0 ? $"{hours / 24 / 365}y" : $"{hours / 24 / 365}y{days}d";
        }
        return $"{hours / 24 / 365}y";
    }
}
